package io.lakegate.schema.entity;

import io.lakegate.engine.protocol.ClickHouseQuoting;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The type of one attribute column, read from the type names ClickHouse's JSON type infers for a path
 * ({@code JSONAllPathsWithTypes}), and how two types widen into one. Every column reads its value with
 * {@code JSONExtract} of the operation's {@code detail}, so a value that is absent or does not fit reads NULL (arrays:
 * {@code []}) exactly as {@code JSONExtract} gives it.
 *
 * @param kind    the column's kind
 * @param element for {@link Kind#ARRAY}, the kind of its elements (a scalar kind); null otherwise
 */
public record AttributeType(Kind kind, Kind element) {
    /** The kinds of column; {@code JSON} keeps the attribute's JSON text (arrays of objects, mixed arrays, ...). */
    public enum Kind {
        INT64("Int64"), UINT64("UInt64"), FLOAT64("Float64"), BOOL("Bool"), STRING("String"), DATE("Date32"),
        DATETIME("DateTime64(3, 'UTC')"), ARRAY("Array"), JSON("JSON");

        final String clickhouse;

        Kind(String clickhouse) {
            this.clickhouse = clickhouse;
        }

        boolean scalar() {
            return this != ARRAY && this != JSON;
        }
    }

    public static final AttributeType STRING = new AttributeType(Kind.STRING, null);
    public static final AttributeType JSON = new AttributeType(Kind.JSON, null);

    public AttributeType {
        if ((kind == Kind.ARRAY) != (element != null) || element != null && !element.scalar()) {
            throw new IllegalArgumentException("An array type needs a scalar element kind: " + kind + ", " + element);
        }
    }

    static AttributeType scalar(Kind kind) {
        return new AttributeType(kind, null);
    }

    /**
     * The column type for a type ClickHouse inferred for a JSON path: {@code Int64}, {@code Float64}, {@code Bool},
     * {@code String}, {@code Date}, {@code DateTime64(9)}, {@code Array(Nullable(Int64))}, ... Arrays of arrays or
     * objects ({@code Array(JSON(...))}) and mixed arrays ({@code Array(Dynamic)}) keep their JSON text.
     */
    public static AttributeType fromInferred(String clickhouseType) {
        String t = unwrap(clickhouseType.trim(), "Nullable(");
        if (t.startsWith("Array(")) {
            Kind element = scalarKind(unwrap(t.substring("Array(".length(), t.length() - 1), "Nullable("));
            if (element == null) {
                return JSON;
            }
            // arrays of dates and times keep the text: JSONExtract of Array(DateTime64) does not read ISO text
            return new AttributeType(Kind.ARRAY, element == Kind.DATE || element == Kind.DATETIME ? Kind.STRING
                    : element);
        }
        Kind kind = scalarKind(t);
        return kind == null ? JSON : scalar(kind);
    }

    private static Kind scalarKind(String t) {
        if (t.startsWith("DateTime")) {
            return Kind.DATETIME;
        }
        return switch (t) {
            case "Int64", "Int32", "Int16", "Int8", "UInt32", "UInt16", "UInt8" -> Kind.INT64;
            case "UInt64" -> Kind.UINT64;
            case "Float64", "Float32" -> Kind.FLOAT64;
            case "Bool" -> Kind.BOOL;
            case "String" -> Kind.STRING;
            case "Date", "Date32" -> Kind.DATE;
            default -> null;
        };
    }

    private static String unwrap(String t, String wrapper) {
        return t.startsWith(wrapper) && t.endsWith(")") ? t.substring(wrapper.length(), t.length() - 1) : t;
    }

    /**
     * The narrowest type both values fit: integers and floats widen to Float64, a date and a date-time to the
     * date-time, arrays element by element; any other mix of scalars to String (JSONExtract as String reads a string
     * as its text and anything else as its JSON text, so nothing is lost); arrays or JSON with a scalar to String;
     * an array with JSON to JSON.
     */
    public AttributeType widen(AttributeType other) {
        if (equals(other)) {
            return this;
        }
        if (kind == Kind.ARRAY && other.kind == Kind.ARRAY) {
            return new AttributeType(Kind.ARRAY, widen(element, other.element));
        }
        if (kind.scalar() && other.kind.scalar()) {
            return scalar(widen(kind, other.kind));
        }
        return kind.scalar() || other.kind.scalar() ? STRING : JSON;
    }

    private static Kind widen(Kind a, Kind b) {
        if (a == b) {
            return a;
        }
        List<Kind> numbers = List.of(Kind.INT64, Kind.UINT64, Kind.FLOAT64);
        if (numbers.contains(a) && numbers.contains(b)) {
            return Kind.FLOAT64;
        }
        if ((a == Kind.DATE || a == Kind.DATETIME) && (b == Kind.DATE || b == Kind.DATETIME)) {
            return Kind.DATETIME;
        }
        return Kind.STRING;
    }

    /** The column's ClickHouse type. */
    public String columnType() {
        return switch (kind) {
            case ARRAY -> "Array(Nullable(" + element.clickhouse + "))";
            case JSON -> "Nullable(String)";
            default -> "Nullable(" + kind.clickhouse + ")";
        };
    }

    /** The expression that reads the attribute at {@code path} of the payload from {@code detail}. */
    public String extraction(List<String> path) {
        String keys = path.stream().map(ClickHouseQuoting::string).collect(Collectors.joining(", "));
        if (kind == Kind.JSON) {
            return "nullIf(JSONExtractRaw(detail, 'payload', " + keys + "), '')";
        }
        return "JSONExtract(detail, 'payload', " + keys + ", " + ClickHouseQuoting.string(columnType()) + ")";
    }

    /** The name the registry keeps: {@code Int64}, {@code Array(String)}, {@code JSON}, ... */
    @Override
    public String toString() {
        return kind == Kind.ARRAY ? "Array(" + registryName(element) + ")" : registryName(kind);
    }

    private static String registryName(Kind kind) {
        return switch (kind) {
            case INT64 -> "Int64";
            case UINT64 -> "UInt64";
            case FLOAT64 -> "Float64";
            case BOOL -> "Bool";
            case STRING -> "String";
            case DATE -> "Date";
            case DATETIME -> "DateTime";
            case JSON -> "JSON";
            case ARRAY -> throw new IllegalStateException("arrays are named with their element");
        };
    }

    /** Reads a name written by {@link #toString}. */
    public static AttributeType parse(String name) {
        if (name.startsWith("Array(") && name.endsWith(")")) {
            return new AttributeType(Kind.ARRAY, parse(name.substring(6, name.length() - 1)).kind);
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.ARRAY && registryName(k).equals(name)) {
                return scalar(k);
            }
        }
        throw new IllegalArgumentException("Unknown attribute type '" + name + "': use Int64, UInt64, Float64, "
                + "Bool, String, Date, DateTime, JSON or Array(<one of the scalars>)");
    }
}
