package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.engine.protocol.SqlScanner;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ClickHouse type ODBC's {@code {fn CONVERT(x, SQL_type)}} converts to: the ClickHouse ODBC driver's own table
 * (driver/escaping/escape_sequences.cpp, so a query means the same through the driver and through the gateway), plus
 * the wide and long character types and SQL_FLOAT/SQL_BIT, which the driver leaves out.
 */
final class OdbcConvert {
    private static final Map<String, String> TYPES = new TreeMap<>(Map.ofEntries(
            Map.entry("SQL_TINYINT", "UInt8"), Map.entry("SQL_SMALLINT", "UInt16"),
            Map.entry("SQL_INTEGER", "Int32"), Map.entry("SQL_BIGINT", "Int64"),
            Map.entry("SQL_REAL", "Float32"), Map.entry("SQL_DOUBLE", "Float64"), Map.entry("SQL_FLOAT", "Float64"),
            Map.entry("SQL_BIT", "UInt8"),
            Map.entry("SQL_CHAR", "String"), Map.entry("SQL_VARCHAR", "String"),
            Map.entry("SQL_LONGVARCHAR", "String"), Map.entry("SQL_WCHAR", "String"),
            Map.entry("SQL_WVARCHAR", "String"), Map.entry("SQL_WLONGVARCHAR", "String"),
            Map.entry("SQL_TIME", "Time"), Map.entry("SQL_TYPE_TIME", "Time"),
            Map.entry("SQL_DATE", "Date32"), Map.entry("SQL_TYPE_DATE", "Date32"),
            Map.entry("SQL_TIMESTAMP", "DateTime"), Map.entry("SQL_TYPE_TIMESTAMP", "DateTime")));

    private OdbcConvert() {
    }

    /**
     * The ClickHouse type of the last argument ({@code SQL_VARCHAR}: String), or a refusal naming the ones known.
     *
     * @param comma the token before it, which must be the comma after the value
     */
    static String type(SqlScanner.Token comma, SqlScanner.Token sqlType) {
        String type = comma.text().equals(",") ? TYPES.get(sqlType.text().toUpperCase(Locale.ROOT)) : null;
        if (type == null) {
            throw new TenantSqlException(ErrorCode.UNKNOWN_TYPE, "{fn CONVERT(value, type)} converts to one of "
                    + String.join(", ", TYPES.keySet()) + ", not " + sqlType.text() + "; or write CAST(value AS "
                    + "ClickHouseType)", null);
        }
        return type;
    }
}
