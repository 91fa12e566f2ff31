package io.lakegate.proxy.gateway;

import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;

/**
 * How a tenant's query ended when it did not end well, as both doors tell it: ClickHouse's code and name for the
 * error, the message the tenant reads (the same through either door, and in the audit line), and whether it was the
 * gateway's refusal (its policy or a limit) rather than ClickHouse's failure.
 */
public final class QueryFailure extends ClickHouseException {
    private final boolean refused;

    QueryFailure(int code, String name, String message, boolean refused, Throwable cause) {
        super(code, name, message, cause);
        this.refused = refused;
    }

    static QueryFailure refused(ErrorCode code, String message, Throwable cause) {
        return new QueryFailure(code.code(), code.name(), message, true, cause);
    }

    /** The gateway refused the query (its policy, or a tenant limit); else ClickHouse failed it. */
    public boolean refused() {
        return refused;
    }
}
