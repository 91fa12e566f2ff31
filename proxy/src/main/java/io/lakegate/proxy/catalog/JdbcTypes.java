package io.lakegate.proxy.catalog;

import java.sql.Types;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a ClickHouse column type is described to JDBC clients (DatabaseMetaData.getColumns, getTypeInfo). */
public record JdbcTypes(int sqlType, String typeName, int columnSize, int decimalDigits, boolean nullable) {
    private static final Pattern DECIMAL = Pattern.compile("Decimal(?:32|64|128|256)?\\((\\d+)(?:,\\s*(\\d+))?\\)");

    public static JdbcTypes of(String clickhouseType) {
        String t = clickhouseType.trim();
        boolean nullable = false;
        if (t.startsWith("Nullable(")) {
            nullable = true;
            t = t.substring("Nullable(".length(), t.length() - 1);
        }
        if (t.startsWith("LowCardinality(")) {
            t = t.substring("LowCardinality(".length(), t.length() - 1);
            if (t.startsWith("Nullable(")) {
                nullable = true;
                t = t.substring("Nullable(".length(), t.length() - 1);
            }
        }
        Matcher decimal = DECIMAL.matcher(t);
        if (decimal.matches()) {
            int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
            return new JdbcTypes(Types.DECIMAL, clickhouseType, Integer.parseInt(decimal.group(1)), scale, nullable);
        }
        String base = t.contains("(") ? t.substring(0, t.indexOf('(')) : t;
        return switch (base) {
            case "Int8" -> new JdbcTypes(Types.TINYINT, clickhouseType, 3, 0, nullable);
            case "Int16", "UInt8" -> new JdbcTypes(Types.SMALLINT, clickhouseType, 5, 0, nullable);
            case "Int32", "UInt16" -> new JdbcTypes(Types.INTEGER, clickhouseType, 10, 0, nullable);
            case "Int64", "UInt32" -> new JdbcTypes(Types.BIGINT, clickhouseType, 19, 0, nullable);
            case "UInt64", "Int128", "UInt128", "Int256", "UInt256" ->
                    new JdbcTypes(Types.NUMERIC, clickhouseType, 39, 0, nullable);
            case "Float32" -> new JdbcTypes(Types.REAL, clickhouseType, 7, 0, nullable);
            case "Float64" -> new JdbcTypes(Types.DOUBLE, clickhouseType, 15, 0, nullable);
            case "Bool" -> new JdbcTypes(Types.BOOLEAN, clickhouseType, 1, 0, nullable);
            case "Date", "Date32" -> new JdbcTypes(Types.DATE, clickhouseType, 10, 0, nullable);
            case "DateTime" -> new JdbcTypes(Types.TIMESTAMP, clickhouseType, 19, 0, nullable);
            case "DateTime64" -> new JdbcTypes(Types.TIMESTAMP, clickhouseType, 29, precision(t), nullable);
            case "Array" -> new JdbcTypes(Types.ARRAY, clickhouseType, 0, 0, nullable);
            case "Map", "Tuple", "JSON", "Object", "Variant", "Dynamic" ->
                    new JdbcTypes(Types.OTHER, clickhouseType, 0, 0, nullable);
            default -> new JdbcTypes(Types.VARCHAR, clickhouseType, 65535, 0, nullable); // String, UUID, Enum, ...
        };
    }

    private static int precision(String dateTime64) {
        Matcher m = Pattern.compile("DateTime64\\((\\d+)").matcher(dateTime64);
        return m.find() ? Integer.parseInt(m.group(1)) : 3;
    }
}
