package io.lakegate.schema.data;

import java.util.List;

/** Builds one JSONEachRow line (a JSON object whose keys are the table's columns). Reused for every row of a sink. */
public final class Row {
    private final StringBuilder sb = new StringBuilder(1024);
    private final StringBuilder scratch = new StringBuilder(1024);
    private boolean first = true;

    public Row begin() {
        sb.setLength(0);
        sb.append('{');
        first = true;
        return this;
    }

    private void key(String key) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        sb.append('"').append(key).append("\":");
    }

    public Row put(String key, String value) {
        key(key);
        if (value == null) {
            sb.append("null");
        } else {
            Json.appendString(sb, value);
        }
        return this;
    }

    public Row put(String key, long value) {
        key(key);
        sb.append(value);
        return this;
    }

    public Row put(String key, boolean value) {
        key(key);
        sb.append(value);
        return this;
    }

    public Row put(String key, List<String> values) {
        key(key);
        Json.append(sb, values);
        return this;
    }

    /** A DateTime64 column; {@code epochMillis == Long.MIN_VALUE} writes null. */
    public Row time(String key, long epochMillis) {
        key(key);
        if (epochMillis == Long.MIN_VALUE) {
            sb.append("null");
        } else {
            sb.append('"');
            sb.append(Timestamps.sql(epochMillis));
            sb.append('"');
        }
        return this;
    }

    /** A String column holding {@code value} as JSON text (the detail/details columns); null writes null. */
    public Row json(String key, Object value) {
        key(key);
        if (value == null) {
            sb.append("null");
        } else {
            scratch.setLength(0);
            Json.append(scratch, value);
            Json.appendString(sb, scratch);
        }
        return this;
    }

    /** The finished line, newline included; valid until the next {@link #begin}. */
    public CharSequence end() {
        sb.append("}\n");
        return sb;
    }
}
