package io.lakegate.proxy.admin;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.gateway.AuditTable;
import io.lakegate.proxy.gateway.Gateway;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gateway with an admin port per test JVM, over a fresh lake with orgs {@value #ORG} and {@value #OTHER} (five
 * entity operations each), an operator token and a token of org {@value #ORG} only; audit records are flushed every
 * 200 ms.
 */
final class AdminFixture {
    static final String ORG = "1700";
    static final String OTHER = "1701";
    static final String OPERATOR_TOKEN = AdminTokens.generate();
    static final String ORG_TOKEN = AdminTokens.generate();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AdminFixture instance;

    final SchemaSettings settings;
    final Gateway gateway;

    private AdminFixture(SchemaSettings settings, Gateway gateway) {
        this.settings = settings;
        this.gateway = gateway;
    }

    static synchronized AdminFixture get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static AdminFixture start() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("gw_admin_" + ProcessHandle.current().pid());
        ch.post("DROP DATABASE IF EXISTS " + settings.database() + " SYNC", "");
        new SchemaManager(target, settings).update();
        Path tokens = Files.createTempFile("lakegate-admin-tokens", "");
        Files.writeString(tokens, "# operator, then org " + ORG + "'s portal\n" + OPERATOR_TOKEN + "\n" + ORG_TOKEN
                + " " + ORG + "\n");
        AdminTokens accepted = AdminTokens.fromFile(tokens);
        Files.delete(tokens);
        Gateway gateway = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                TenantLimits.DEFAULTS, new Gateway.Admin(0, accepted, "127.0.0.1"),
                new AuditTable.Settings(10_000, 1_000, Duration.ofMillis(200), Duration.ofSeconds(5))));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception ignored) {
                // the JVM is ending
            }
            ch.post("DROP DATABASE IF EXISTS " + settings.database() + " SYNC", "");
        }));
        AdminFixture fx = new AdminFixture(settings, gateway);
        for (String org : new String[] {ORG, OTHER}) {
            assertThat(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org_id\": \"" + org + "\"}").statusCode())
                    .isEqualTo(201);
            fx.sql("INSERT INTO entity_operations (activity_id, entity_id, org_id, operation, schema, timestamp, "
                    + "detail) SELECT concat('a', toString(number)), 'e', '" + org + "', 'createEntity', "
                    + "'opportunity', now64(3), '{}' FROM numbers(5)");
        }
        return fx;
    }

    String adminUrl() {
        return "http://127.0.0.1:" + gateway.adminPort();
    }

    /** A request to the admin port, with {@code token} as its bearer token (none when null). */
    HttpResponse<String> call(String method, String path, String token, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(adminUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code sql} sent to the ClickHouse door as {@code user}. */
    HttpResponse<String> clickHouseDoor(String user, String password, String sql) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A connection through the JDBC door with Avatica's own driver. */
    Connection avatica(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", user);
        p.setProperty("avatica_password", password);
        return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort()
                + ";serialization=protobuf;authentication=BASIC", p);
    }

    /** {@code sql}'s answer from ClickHouse itself in the lake's database, as tab-separated text. */
    String sql(String sql) {
        HttpResponse<String> r = TestClickHouse.get().post(sql, "database=" + settings.database());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().strip();
    }
}
