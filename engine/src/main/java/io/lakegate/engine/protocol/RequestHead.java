package io.lakegate.engine.protocol;

import java.util.Map;

/**
 * What a request says before its body (see {@link RequestParser#head}).
 *
 * @param method    GET or POST
 * @param url       every URL parameter, percent-decoded
 * @param settings  the URL parameters that are settings, in order
 * @param params    {@code param_<name>} values, keyed by name
 */
public record RequestHead(String method, Map<String, String> url, Map<String, String> settings,
                          Map<String, String> params, Credentials credentials, String defaultFormat, String database,
                          String queryId, String remoteAddress) {
}
