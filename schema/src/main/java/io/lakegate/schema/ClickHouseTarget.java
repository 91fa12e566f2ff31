package io.lakegate.schema;

import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.server.EngineEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The ClickHouse a command talks to, always through the official JDBC driver: a server at a URL, or the embedded
 * engine behind an endpoint on a private loopback port. Both behave the same from here on.
 */
public final class ClickHouseTarget implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final AutoCloseable owned;

    private ClickHouseTarget(String url, String user, String password, AutoCloseable owned) {
        this.url = url.replaceAll("/+$", "");
        this.user = user == null || user.isEmpty() ? "default" : user;
        this.password = password == null ? "" : password;
        this.owned = owned;
    }

    public static ClickHouseTarget remote(String url, String user, String password) {
        if (!url.matches("https?://[^/\\s]+(/.*)?")) {
            throw new IllegalArgumentException("--clickhouse-url '" + url + "' is not an HTTP URL of ClickHouse's "
                    + "HTTP interface, e.g. http://localhost:8123 or https://host:8443");
        }
        return new ClickHouseTarget(url, user, password, null);
    }

    /** Serves {@code engine} on a loopback port with a one-time password, for this process only. */
    public static ClickHouseTarget embedded(EmbeddedClickHouse engine) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            EngineEndpoint endpoint = EngineEndpoint.start(engine, "127.0.0.1", 0, "default", password, 16);
            engine.beforeShutdown(endpoint::close);
            return new ClickHouseTarget(endpoint.url(), "default", password, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same server with another login: for the gateway's tenant queries, a ClickHouse user that may only read the
     * org views (docs/tenant-account.md). The embedded engine has no users: it is refused there.
     */
    public ClickHouseTarget withLogin(String otherUser, String otherPassword) {
        if (owned != null) {
            throw new IllegalArgumentException("The embedded engine has no ClickHouse users: a separate login for "
                    + "tenant queries needs a ClickHouse server (--clickhouse-url)");
        }
        return new ClickHouseTarget(url, otherUser, otherPassword, null);
    }

    /** The HTTP Authorization header value that logs in to this ClickHouse. */
    public String basicAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The JDBC URL of {@code database} on this ClickHouse. */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse:" + url + "/" + database;
    }

    /** The JDBC properties that log in to this ClickHouse. */
    public Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    /** A JDBC connection whose current database is {@code database}; fails with a clear message if unreachable. */
    public Connection connect(String database) {
        try {
            Connection c = DriverManager.getConnection(jdbcUrl(database), credentials());
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            return c;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("UNKNOWN_DATABASE")) {
                throw new IllegalStateException("ClickHouse at " + url + " has no database '" + database
                        + "': run `lakegate schema update` first", e);
            }
            throw new IllegalStateException("Cannot reach ClickHouse at " + url + ": " + firstLine(message)
                    + ". Check --clickhouse-url, the user and password, and that the server is running.", e);
        }
    }

    /**
     * {@code database} as a source of connections, a new one for each call: for callers that hold one connection at
     * a time (commands, tests). The gateway pools them.
     */
    public javax.sql.DataSource dataSource(String database) {
        return new com.clickhouse.jdbc.DataSourceImpl(jdbcUrl(database), credentials());
    }

    public String url() {
        return url;
    }

    /**
     * A client-v2 client (the library under the JDBC driver) for bulk inserts that stream a body in a format such as
     * JSONEachRow; {@code maxConnections} bounds the inserts in flight. The caller closes it.
     */
    public com.clickhouse.client.api.Client bulkClient(String database, int maxConnections) {
        return new com.clickhouse.client.api.Client.Builder()
                .addEndpoint(url)
                .setUsername(user)
                .setPassword(password)
                .setDefaultDatabase(database)
                .setMaxConnections(Math.max(2, maxConnections))
                .compressClientRequest(false)
                .compressServerResponse(false)
                .setSocketTimeout(30, java.time.temporal.ChronoUnit.MINUTES)
                .build();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // nothing to do: the process is finishing
            }
        }
    }
}
