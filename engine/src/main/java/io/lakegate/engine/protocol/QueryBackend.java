package io.lakegate.engine.protocol;

/**
 * What answers queries behind the ClickHouse HTTP interface: the embedded engine, or the gateway's tenant pipeline.
 * Errors before the first byte are thrown as {@link ClickHouseException}; errors while streaming come from
 * {@link QueryResult#writeTo}.
 */
public interface QueryBackend<P> {
    QueryResult execute(QueryRequest request, P principal);

    /** The ClickHouse version reported in headers and error texts. */
    String serverVersion();

    /** The server time zone, sent as {@code X-ClickHouse-Timezone}. */
    String serverTimezone();
}
