package io.lakegate.engine.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An error as ClickHouse reports it: a numeric code, a name, and a message for the user. */
public class ClickHouseException extends RuntimeException {
    private static final Pattern CLICKHOUSE_TEXT = Pattern.compile(
            "(?s)^\\s*Code:\\s*(\\d+)\\.\\s*(?:DB::Exception:\\s*)?(.*?)(?:\\.?\\s*\\(([A-Z0-9_]+)\\))?(?:\\s*\\(version [^)]*\\)\\)?)?\\s*$");

    private final int code;
    private final String name;

    public ClickHouseException(ErrorCode code, String message) {
        this(code.code(), code.name(), message, null);
    }

    public ClickHouseException(ErrorCode code, String message, Throwable cause) {
        this(code.code(), code.name(), message, cause);
    }

    public ClickHouseException(int code, String name, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.name = name;
    }

    /** Parses ClickHouse's own error text ({@code Code: 60. DB::Exception: ... (UNKNOWN_TABLE)}). */
    public static ClickHouseException fromServerText(String text) {
        Matcher m = CLICKHOUSE_TEXT.matcher(text == null ? "" : text);
        if (m.matches()) {
            String name = m.group(3) != null ? m.group(3) : "UNKNOWN_EXCEPTION";
            String message = m.group(2).strip();
            if (message.startsWith("Code: ")) {
                // chDB sometimes wraps the same error in itself several times; the innermost text is the message.
                ClickHouseException inner = fromServerText(message);
                if (inner.code == Integer.parseInt(m.group(1))) {
                    return inner;
                }
            }
            return new ClickHouseException(Integer.parseInt(m.group(1)), name, message, null);
        }
        return new ClickHouseException(ErrorCode.UNKNOWN_EXCEPTION, text == null ? "unknown error" : text.strip());
    }

    public int code() {
        return code;
    }

    public String errorName() {
        return name;
    }

    public int httpStatus() {
        return ErrorCode.httpStatus(name);
    }

    /** The error body of the ClickHouse HTTP interface; clients find the message by {@code <code>. DB::Exception:}. */
    public String toWireText(String version) {
        String message = getMessage();
        String sentence = message.endsWith(".") ? message : message + ".";
        return "Code: " + code + ". DB::Exception: " + sentence + " (" + name + ") (version " + version + ")\n";
    }
}
