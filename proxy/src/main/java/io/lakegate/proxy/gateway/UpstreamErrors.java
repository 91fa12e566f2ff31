package io.lakegate.proxy.gateway;

import java.util.regex.Pattern;

/**
 * An error ClickHouse raised running a tenant's query, as both doors tell it. ClickHouse quotes the query it ran
 * ("In scope SELECT ..."), and the gateway's SETTINGS clause at its end lists every table of the lake and the
 * gateway's defences: that clause is taken out, the tenant's own query (bound to its org) stays.
 */
public final class UpstreamErrors {
    /** The gateway's clause: {@link TenantGateway#settingsClause} ends it with {@code readonly = 1}. */
    private static final Pattern GATEWAY_SETTINGS = Pattern.compile("(?s)\\s*\\bSETTINGS\\b.*?\\breadonly = 1\\b");
    /** What clickhouse-jdbc adds to ClickHouse's text. */
    private static final Pattern JDBC_SUFFIX = Pattern.compile("\\s*\\(queryId=\\s*[^)]*\\)\\s*$");

    private UpstreamErrors() {
    }

    /** ClickHouse's message without the gateway's SETTINGS clause (and the query id clickhouse-jdbc appends). */
    public static String forTenant(String clickhouseMessage) {
        String m = JDBC_SUFFIX.matcher(String.valueOf(clickhouseMessage)).replaceFirst("");
        return GATEWAY_SETTINGS.matcher(m).replaceAll("");
    }

    /**
     * What the tenant is told when ClickHouse could not be reached at all (refused, no route), or null
     * when {@code e} is not that: the network's own text names neither ClickHouse nor what to do.
     */
    public static String unreachable(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) {
                return "The ClickHouse behind the gateway cannot be reached (" + t.getClass().getSimpleName()
                        + "): try again shortly";
            }
        }
        return null;
    }

}
