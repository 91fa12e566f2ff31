package io.lakegate.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The changelog properties: target database, optional cluster (every DDL {@code ON CLUSTER}, replicated engines) and
 * optional retention of the event streams.
 */
public record SchemaSettings(String database, String cluster, int retentionDays) {
    public static final String DEFAULT_DATABASE = "datawarehouse";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public SchemaSettings {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Invalid database name '" + database + "': use letters, digits and "
                    + "underscores, starting with a letter or underscore (default: " + DEFAULT_DATABASE + ")");
        }
        if (cluster != null && !cluster.isEmpty() && !NAME.matcher(cluster).matches()) {
            throw new IllegalArgumentException("Invalid cluster name '" + cluster + "': use the name from the "
                    + "server's remote_servers configuration (letters, digits, underscores)");
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException("--retention-days must be 0 (keep everything) or more");
        }
        cluster = cluster == null ? "" : cluster;
    }

    public static SchemaSettings defaults() {
        return new SchemaSettings(DEFAULT_DATABASE, "", 0);
    }

    public boolean clustered() {
        return !cluster.isEmpty();
    }

    public String onCluster() {
        return clustered() ? "ON CLUSTER `" + cluster + "`" : "";
    }

    /** The values of the changelog's properties. */
    public Map<String, String> changelogParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("database", database);
        p.put("onCluster", onCluster());
        p.put("replicated", clustered() ? "Replicated" : "");
        p.put("retentionDays", String.valueOf(retentionDays));
        return p;
    }

    public SchemaSettings withDatabase(String other) {
        return new SchemaSettings(other, cluster, retentionDays);
    }
}
