package io.lakegate.proxy.avatica;

import io.lakegate.engine.protocol.ClickHouseQuoting;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;

/**
 * Wraps clickhouse-jdbc's connection so every value read with {@code getObject} is one Avatica can put in a frame:
 * ClickHouse's UInt64 comes back as BigInteger and UUIDs, maps and IPs as their own classes, which Avatica's wire
 * format does not know. Numbers become BigDecimal, other objects their text. Timestamp columns report their digits
 * after the second as their precision.
 */
final class ResultNormalizer {
    private ResultNormalizer() {
    }

    static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("getObject") && args != null && args.length == 1) {
                return normalize(result);
            }
            if (method.getName().equals("getArray") && result instanceof java.sql.Array array) {
                return elements(array);
            }
            if (result instanceof ResultSetMetaData md && !(result instanceof Proxy)) {
                return timestampDigits(md);
            }
            if (result instanceof ResultSet rs && !(result instanceof Proxy)) {
                return proxy(ResultSet.class, rs);
            }
            if (result instanceof PreparedStatement ps && type == Connection.class) {
                return proxy(PreparedStatement.class, ps);
            }
            if (result instanceof Statement s && type == Connection.class) {
                return proxy(Statement.class, s);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(ResultNormalizer.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /**
     * clickhouse-jdbc gives a timestamp column the precision of its text (29); Avatica reads a timestamp's precision as
     * its digits after the second, as Calcite does, and prints 29 zeros. Its digits are the column's scale.
     */
    private static ResultSetMetaData timestampDigits(ResultSetMetaData target) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                if (method.getName().equals("getPrecision")) {
                    int column = (Integer) args[0];
                    int type = target.getColumnType(column);
                    if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                        return target.getScale(column);
                    }
                }
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ResultSetMetaData) Proxy.newProxyInstance(ResultNormalizer.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, handler);
    }

    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof byte[]
                || value instanceof BigDecimal || value instanceof java.util.Date
                || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof java.sql.Array array) {
            return elements(array);
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof java.time.LocalDateTime t) {
            return java.sql.Timestamp.valueOf(t);
        }
        if (value instanceof java.time.LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return java.sql.Timestamp.from(t.toInstant());
        }
        if (value instanceof java.time.ZonedDateTime t) {
            return java.sql.Timestamp.from(t.toInstant());
        }
        if (value instanceof Object[] || value instanceof java.util.Map<?, ?> || value instanceof java.util.List<?>) {
            return text(value);
        }
        return value.toString();
    }

    /**
     * An array whose elements Avatica can put in a frame: clickhouse-jdbc's elements are ClickHouse's values (UInt64 as
     * BigInteger, tuples as Object[]), and Avatica reads them with {@code getArray()}, not element by element, and
     * types them by {@code getBaseType()}, which must then say what they became.
     */
    private static java.sql.Array elements(java.sql.Array array) {
        Object[] normalized = normalizedElements(values(array));
        int baseType;
        try {
            baseType = baseType(normalized, array.getBaseType());
        } catch (java.sql.SQLException e) {
            throw unreadable(e);
        }
        InvocationHandler handler = (p, method, args) -> {
            switch (method.getName()) {
                case "getArray" -> {
                    return normalized.clone();
                }
                case "getBaseType" -> {
                    return baseType;
                }
                case "getBaseTypeName" -> {
                    return baseType == array.getBaseType() ? array.getBaseTypeName()
                            : java.sql.JDBCType.valueOf(baseType).getName();
                }
                case "getResultSet" -> throw new java.sql.SQLFeatureNotSupportedException("read with getArray()");
                default -> {
                    try {
                        return method.invoke(array, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        };
        return (java.sql.Array) Proxy.newProxyInstance(ResultNormalizer.class.getClassLoader(),
                new Class<?>[] {java.sql.Array.class}, handler);
    }

    /** Avatica's client reads no array of decimals: UInt64 as longs if they all fit, else as text; decimals as text. */
    private static Object[] normalizedElements(Object[] values) {
        boolean longs = java.util.Arrays.stream(values).allMatch(v -> v == null
                || v instanceof BigInteger big && big.bitLength() < 64);
        Object[] normalized = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            normalized[i] = v instanceof BigInteger big && longs ? (Object) big.longValue()
                    : v instanceof BigInteger || v instanceof BigDecimal ? v.toString() : element(v);
        }
        return normalized;
    }

    private static Object[] values(java.sql.Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (java.sql.SQLException e) {
            throw unreadable(e);
        }
    }

    private static IllegalStateException unreadable(java.sql.SQLException e) {
        return new IllegalStateException("Reading an array of ClickHouse's answer failed: " + e.getMessage(), e);
    }

    private static int baseType(Object[] elements, int original) {
        Object first = java.util.Arrays.stream(elements).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (first instanceof Long) {
            return Types.BIGINT;
        }
        if (first instanceof String) {
            return Types.VARCHAR;
        }
        if (first instanceof java.sql.Timestamp) {
            return Types.TIMESTAMP;
        }
        if (first instanceof java.sql.Date) {
            return Types.DATE;
        }
        return original;
    }

    private static Object element(Object value) {
        if (value instanceof java.sql.Array nested) {
            return java.util.Arrays.asList(normalizedElements(values(nested)));
        }
        return normalize(value);
    }

    /**
     * A tuple, map or nested array as ClickHouse writes it in its text formats ({@code ('a',1)}, {@code {'k':1}},
     * {@code [1,2]}, as {@code toString} gives them): Avatica has no type for them, and Java's own text of an array is {@code [Ljava.lang.Object;@...}.
     */
    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Object[] tuple) {
            return java.util.Arrays.stream(tuple).map(ResultNormalizer::text)
                    .collect(java.util.stream.Collectors.joining(",", "(", ")"));
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(ResultNormalizer::text).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.entrySet().stream().map(e -> text(e.getKey()) + ":" + text(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        }
        Object plain = normalize(value);
        return plain instanceof String string ? ClickHouseQuoting.string(string) : String.valueOf(plain);
    }
}
