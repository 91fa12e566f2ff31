package io.lakegate.proxy.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statement the ClickHouse ODBC driver 1.5.4 sends for SQLGetTypeInfo, built as the driver builds it
 * (driver/api/odbc.cpp from the TypeInfoCatalog of driver/utils/type_info.h), so tests replay it byte for byte.
 */
final class OdbcTypeInfo {
    private static final String Q = "'\\''"; // the literal wrapper ' as toSqlQueryValue writes it

    /** One visible entry of the driver's TypeInfoCatalog, with SQL_TYPE_NULL's sql_data_type already filled in. */
    private record Type(String name, int dataType, int columnSize, String literal, String createParams,
                        String unsigned, String minScale, String maxScale, int sqlDataType, String datetimeSub,
                        String radix) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("Nothing", 0, 1, "NULL", "NULL", "NULL", "NULL", "NULL", 0, "NULL", "NULL"),
            new Type("Bool", -7, 1, "NULL", "NULL", "NULL", "NULL", "NULL", -7, "NULL", "NULL"),
            new Type("Int8", -6, 4, "NULL", "NULL", "0", "NULL", "NULL", -6, "NULL", "10"),
            new Type("UInt8", -6, 3, "NULL", "NULL", "1", "NULL", "NULL", -6, "NULL", "10"),
            new Type("Int16", 5, 6, "NULL", "NULL", "0", "NULL", "NULL", 5, "NULL", "10"),
            new Type("UInt16", 5, 5, "NULL", "NULL", "1", "NULL", "NULL", 5, "NULL", "10"),
            new Type("Int32", 4, 11, "NULL", "NULL", "0", "NULL", "NULL", 4, "NULL", "10"),
            new Type("UInt32", -5, 10, "NULL", "NULL", "1", "NULL", "NULL", -5, "NULL", "10"),
            new Type("Int64", -5, 20, "NULL", "NULL", "0", "NULL", "NULL", -5, "NULL", "10"),
            new Type("UInt64", -5, 20, "NULL", "NULL", "1", "NULL", "NULL", -5, "NULL", "10"),
            new Type("Float32", 7, 7, "NULL", "NULL", "0", "NULL", "NULL", 7, "NULL", "2"),
            new Type("Float64", 8, 15, "NULL", "NULL", "0", "NULL", "NULL", 8, "NULL", "2"),
            new Type("Decimal", 3, 41, "NULL", "'precision,scale'", "0", "1", "76", 3, "NULL", "10"),
            new Type("String", 12, 0xFFFFFF, Q, "NULL", "NULL", "NULL", "NULL", 12, "NULL", "NULL"),
            new Type("FixedString", 12, 0xFFFFFF, Q, "'length'", "NULL", "NULL", "NULL", 12, "NULL", "NULL"),
            new Type("Date", 91, 10, "NULL", "NULL", "NULL", "NULL", "NULL", 9, "1", "NULL"),
            new Type("Date32", 91, 10, "NULL", "NULL", "NULL", "NULL", "NULL", 9, "1", "NULL"),
            new Type("Time", 92, 8, "NULL", "NULL", "NULL", "NULL", "NULL", 9, "2", "NULL"),
            new Type("DateTime64", 93, 29, "NULL", "'scale'", "NULL", "0", "9", 9, "3", "NULL"),
            new Type("DateTime", 93, 19, "NULL", "NULL", "NULL", "NULL", "NULL", 9, "3", "NULL"),
            new Type("UUID", -11, 36, "NULL", "NULL", "NULL", "NULL", "NULL", -11, "NULL", "NULL"),
            new Type("Array", 12, 0xFFFFFF, "NULL", "NULL", "NULL", "NULL", "NULL", 12, "NULL", "NULL"),
            // the driver's copy of String as SQL_WVARCHAR, so Power BI can bind string parameters
            new Type("String", -9, 0xFFFFFF, Q, "NULL", "NULL", "NULL", "NULL", 12, "NULL", "NULL"));

    private OdbcTypeInfo() {
    }

    /** SQLGetTypeInfo(type), or SQL_ALL_TYPES for null. */
    static String statement(Integer dataType) {
        List<String> selects = new ArrayList<>();
        for (Type t : TYPES) {
            if (dataType != null && dataType != t.dataType()) {
                continue;
            }
            selects.add("SELECT cast('" + t.name() + "', 'String') AS TYPE_NAME, cast(" + t.dataType() + ", 'Int16') "
                    + "AS DATA_TYPE, cast(" + t.columnSize() + ", 'Nullable(Int32)') AS COLUMN_SIZE, cast("
                    + t.literal() + ", 'Nullable(String)') AS LITERAL_PREFIX, cast(" + t.literal() + ", "
                    + "'Nullable(String)') AS LITERAL_SUFFIX, cast(" + t.createParams() + ", 'Nullable(String)') AS "
                    + "CREATE_PARAMS, cast(1, 'Int16') AS NULLABLE, cast(1, 'Int16') AS CASE_SENSITIVE, cast(3, "
                    + "'Int16') AS SEARCHABLE, cast(" + t.unsigned() + ", 'Nullable(Int16)') AS UNSIGNED_ATTRIBUTE, "
                    + "cast(0, 'Int16') AS FIXED_PREC_SCALE, cast(NULL, 'Nullable(Int16)') AS AUTO_UNIQUE_VALUE, "
                    + "cast(NULL, 'Nullable(String)') AS LOCAL_TYPE_NAME, cast(" + t.minScale() + ", "
                    + "'Nullable(Int16)') AS MINIMUM_SCALE, cast(" + t.maxScale() + ", 'Nullable(Int16)') AS "
                    + "MAXIMUM_SCALE, cast(" + t.sqlDataType() + ", 'Int16') AS SQL_DATA_TYPE, cast("
                    + t.datetimeSub() + ", 'Nullable(Int16)') AS SQL_DATETIME_SUB, cast(" + t.radix() + ", "
                    + "'Nullable(Int32)') AS NUM_PREC_RADIX, cast(NULL, 'Nullable(Int16)') AS INTERVAL_PRECISION");
        }
        return selects.isEmpty() ? "SELECT 1 WHERE 0"
                : "SELECT * FROM (" + selects.stream().collect(Collectors.joining(" UNION ALL ")) + ") ORDER BY DATA_TYPE";
    }
}
