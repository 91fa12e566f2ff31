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
        /** A tenant limit (concurrency, size) was reached. */
        LIMIT
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
}
