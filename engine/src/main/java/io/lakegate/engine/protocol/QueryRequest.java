package io.lakegate.engine.protocol;

import java.io.InputStream;
import java.util.Map;

/**
 * One query as the ClickHouse HTTP interface received it, after the protocol's own parameters were taken apart.
 *
 * @param sql            the statement text (URL part and body part joined as ClickHouse joins them)
 * @param insertFormat   for an INSERT whose data streams separately: the data's format; else null
 * @param insertData     the data of such an INSERT, read lazily; else null
 * @param defaultFormat  the output format unless the statement names one
 * @param outputFormat   the format the answer will have (the statement's FORMAT clause, else the default)
 * @param settings       every URL parameter that is not a protocol parameter, in order
 * @param params         {@code param_<name>} values, keyed by name
 * @param readOnly       true for GET requests, which ClickHouse runs with {@code readonly=2}
 * @param compressResponse  {@code compress=1}: answer in native compressed blocks
 * @param httpCompression   {@code enable_http_compression=1}: answer with a Content-Encoding the client accepts
 */
public record QueryRequest(
        String sql,
        String insertFormat,
        InputStream insertData,
        String database,
        String defaultFormat,
        String outputFormat,
        String queryId,
        Session session,
        Map<String, String> settings,
        Map<String, String> params,
        boolean readOnly,
        boolean compressResponse,
        boolean httpCompression,
        Credentials credentials,
        String userAgent,
        String remoteAddress) {

    /** The {@code session_id}, {@code session_timeout} and {@code session_check} parameters; null without a session. */
    public record Session(String id, int timeoutSeconds, boolean check) {
    }

    public String statementKind() {
        return SqlScanner.scan(sql).firstKeyword();
    }
}
