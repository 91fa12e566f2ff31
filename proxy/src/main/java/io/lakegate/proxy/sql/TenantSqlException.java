package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ErrorCode;

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

    private final ErrorCode code;

    public TenantSqlException(Reason reason, String message) {
        this(code(reason), message, null);
    }

    public TenantSqlException(Reason reason, String message, Throwable cause) {
        this(code(reason), message, cause);
    }

    /** An error with ClickHouse's own code for it ({@link TenantErrors} picks it for what Calcite refuses). */
    public TenantSqlException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The ClickHouse error the front doors answer with. */
    public ErrorCode errorCode() {
        return code;
    }

    private static ErrorCode code(Reason reason) {
        return switch (reason) {
            case SYNTAX -> ErrorCode.SYNTAX_ERROR;
            case NOT_ALLOWED -> ErrorCode.ACCESS_DENIED;
            case UNKNOWN_TABLE -> ErrorCode.UNKNOWN_TABLE;
            case INVALID -> ErrorCode.UNKNOWN_IDENTIFIER;
            case UNSUPPORTED -> ErrorCode.NOT_IMPLEMENTED;
            case LIMIT -> ErrorCode.TOO_MANY_SIMULTANEOUS_QUERIES;
            case TOO_LARGE -> ErrorCode.QUERY_IS_TOO_LARGE;
        };
    }
}
