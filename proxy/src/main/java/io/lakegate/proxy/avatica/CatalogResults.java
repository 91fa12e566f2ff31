package io.lakegate.proxy.avatica;

import io.lakegate.proxy.catalog.JdbcTypes;
import io.lakegate.proxy.catalog.TenantCatalog;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows of JDBC's DatabaseMetaData calls, answered from the tenant's catalog alone: one schema, its tables by both
 * names, their columns with JDBC types, their key columns, and the types ClickHouse offers. Nothing here asks
 * ClickHouse's own catalog, so nothing of another org can appear.
 */
final class CatalogResults {
    /** Column names and value classes of one DatabaseMetaData result. */
    record Shape(List<ColumnMetaData> columns) {
        static Shape of(Object... nameAndClass) {
            List<ColumnMetaData> columns = new ArrayList<>();
            for (int i = 0; i < nameAndClass.length; i += 2) {
                columns.add(MetaImpl.columnMetaData((String) nameAndClass[i], i / 2, (Class<?>) nameAndClass[i + 1],
                        true));
            }
            return new Shape(columns);
        }

        Meta.Signature signature() {
            return Meta.Signature.create(columns, "", List.of(), Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
        }
    }

    static final Shape TABLES = Shape.of("TABLE_CAT", String.class, "TABLE_SCHEM", String.class, "TABLE_NAME",
            String.class, "TABLE_TYPE", String.class, "REMARKS", String.class, "TYPE_CAT", String.class, "TYPE_SCHEM",
            String.class, "TYPE_NAME", String.class, "SELF_REFERENCING_COL_NAME", String.class, "REF_GENERATION",
            String.class);
    static final Shape COLUMNS = Shape.of("TABLE_CAT", String.class, "TABLE_SCHEM", String.class, "TABLE_NAME",
            String.class, "COLUMN_NAME", String.class, "DATA_TYPE", Integer.class, "TYPE_NAME", String.class,
            "COLUMN_SIZE", Integer.class, "BUFFER_LENGTH", Integer.class, "DECIMAL_DIGITS", Integer.class,
            "NUM_PREC_RADIX", Integer.class, "NULLABLE", Integer.class, "REMARKS", String.class, "COLUMN_DEF",
            String.class, "SQL_DATA_TYPE", Integer.class, "SQL_DATETIME_SUB", Integer.class, "CHAR_OCTET_LENGTH",
            Integer.class, "ORDINAL_POSITION", Integer.class, "IS_NULLABLE", String.class, "SCOPE_CATALOG",
            String.class, "SCOPE_SCHEMA", String.class, "SCOPE_TABLE", String.class, "SOURCE_DATA_TYPE", Short.class,
            "IS_AUTOINCREMENT", String.class, "IS_GENERATEDCOLUMN", String.class);
    static final Shape SCHEMAS = Shape.of("TABLE_SCHEM", String.class, "TABLE_CATALOG", String.class);
    static final Shape CATALOGS = Shape.of("TABLE_CAT", String.class);
    static final Shape TABLE_TYPES = Shape.of("TABLE_TYPE", String.class);
    static final Shape TYPE_INFO = Shape.of("TYPE_NAME", String.class, "DATA_TYPE", Integer.class, "PRECISION",
            Integer.class, "LITERAL_PREFIX", String.class, "LITERAL_SUFFIX", String.class, "CREATE_PARAMS",
            String.class, "NULLABLE", Short.class, "CASE_SENSITIVE", Boolean.class, "SEARCHABLE", Short.class,
            "UNSIGNED_ATTRIBUTE", Boolean.class, "FIXED_PREC_SCALE", Boolean.class, "AUTO_INCREMENT", Boolean.class,
            "LOCAL_TYPE_NAME", String.class, "MINIMUM_SCALE", Short.class, "MAXIMUM_SCALE", Short.class,
            "SQL_DATA_TYPE", Integer.class, "SQL_DATETIME_SUB", Integer.class, "NUM_PREC_RADIX", Integer.class);
    static final Shape EMPTY = Shape.of("EMPTY", String.class);

    private static final String[] TYPES = {"String", "FixedString", "UUID", "Enum8", "Int8", "Int16", "Int32",
        "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64", "Decimal(P, S)", "Bool", "Date",
        "Date32", "DateTime", "DateTime64(3)", "Array(String)", "Map(String, String)", "JSON"};

    private CatalogResults() {
    }

    static List<Object> tables(TenantCatalog catalog, Meta.Pat schema, Meta.Pat table, List<String> types) {
        List<Object> rows = new ArrayList<>();
        if (!matches(schema, catalog.database()) || types != null && !types.contains("VIEW")) {
            return rows;
        }
        for (String name : catalog.tableNames()) {
            if (matches(table, name)) {
                TenantCatalog.Table t = catalog.table(name).orElseThrow();
                String remark = name.equals(t.name()) ? "Your org's " + t.physical() : "Also reachable as "
                        + t.name();
                rows.add(new Object[] {null, catalog.database(), name, "VIEW", remark, null, null, null, null, null});
            }
        }
        return rows;
    }

    static List<Object> columns(TenantCatalog catalog, Meta.Pat schema, Meta.Pat table, Meta.Pat column) {
        List<Object> rows = new ArrayList<>();
        if (!matches(schema, catalog.database())) {
            return rows;
        }
        for (String name : catalog.tableNames()) {
            if (!matches(table, name)) {
                continue;
            }
            for (TenantCatalog.Column c : catalog.table(name).orElseThrow().columns()) {
                if (!matches(column, c.name())) {
                    continue;
                }
                JdbcTypes type = JdbcTypes.of(c.type());
                rows.add(new Object[] {null, catalog.database(), name, c.name(), type.sqlType(), c.type(),
                    type.columnSize(), null, type.decimalDigits(), 10,
                    type.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                    c.comment() == null || c.comment().isEmpty() ? null : c.comment(), null, null, null,
                    type.sqlType() == Types.VARCHAR ? type.columnSize() : null, c.position(),
                    type.nullable() ? "YES" : "NO", null, null, null, null, "NO", "NO"});
            }
        }
        return rows;
    }

    static List<Object> typeInfo() {
        List<Object> rows = new ArrayList<>();
        for (String name : TYPES) {
            JdbcTypes t = JdbcTypes.of(name.equals("Decimal(P, S)") ? "Decimal(38, 10)" : name);
            boolean text = t.sqlType() == Types.VARCHAR;
            rows.add(new Object[] {name, t.sqlType(), t.columnSize(), text ? "'" : null, text ? "'" : null, null,
                (short) DatabaseMetaData.typeNullable, text, (short) DatabaseMetaData.typeSearchable,
                name.startsWith("U") && !name.equals("UUID"), t.sqlType() == Types.DECIMAL, false, name, (short) 0,
                (short) (t.sqlType() == Types.DECIMAL ? 38 : 0), null, null, 10});
        }
        return rows;
    }

    /** A JDBC LIKE pattern ({@code %}, {@code _}, {@code \} escapes); null matches everything. */
    static boolean matches(Meta.Pat pattern, String value) {
        if (pattern == null || pattern.s == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        String p = pattern.s;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                regex.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
