package io.lakegate.proxy.sql;

/**
 * A tenant's query that the gateway will not run, with a message that says what is wrong and what to do instead. The
 * reason tells each front door which error code to answer with (the ClickHouse door maps it to ClickHouse's codes).
 */
public final class TenantSqlException extends RuntimeException {
    public enum Reason {
        /** The text is not SQL the gateway can parse. */
        SYNTAX,
        /** The statement is not a read, or reads something a tenant may not read. */
        NOT_ALLOWED,
        /** A table that is not in the tenant's catalog. */
        UNKNOWN_TABLE,
        /** A column, alias or function the validator could not resolve. */
        INVALID,
        /** A ClickHouse feature the gateway does not support. */
        UNSUPPORTED,
        /** A tenant limit (concurrency) was reached. */
        LIMIT,
        /** The query is larger or more deeply nested than the gateway reads. */
        TOO_LARGE
    }

    private final Reason reason;

    public TenantSqlException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TenantSqlException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The ClickHouse error the front doors answer with. */
    public io.lakegate.engine.protocol.ErrorCode errorCode() {
        return switch (reason) {
            case SYNTAX -> io.lakegate.engine.protocol.ErrorCode.SYNTAX_ERROR;
            case NOT_ALLOWED -> io.lakegate.engine.protocol.ErrorCode.ACCESS_DENIED;
            case UNKNOWN_TABLE -> io.lakegate.engine.protocol.ErrorCode.UNKNOWN_TABLE;
            case INVALID -> io.lakegate.engine.protocol.ErrorCode.UNKNOWN_IDENTIFIER;
            case UNSUPPORTED -> io.lakegate.engine.protocol.ErrorCode.NOT_IMPLEMENTED;
            case LIMIT -> io.lakegate.engine.protocol.ErrorCode.TOO_MANY_SIMULTANEOUS_QUERIES;
            case TOO_LARGE -> io.lakegate.engine.protocol.ErrorCode.QUERY_IS_TOO_LARGE;
        };
    }
}
