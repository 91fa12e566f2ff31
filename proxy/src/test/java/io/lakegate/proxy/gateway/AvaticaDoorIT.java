package io.lakegate.proxy.gateway;

import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.credentials.RevocationEpoch;
import io.lakegate.schema.OrgId;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JDBC door driven by Avatica's own remote JDBC driver, logged in as tenants of two orgs with overlapping data. */
class AvaticaDoorIT {
    private final GatewayFixture fx = GatewayFixture.get();

    @Test
    void referenceQueryReturnsEachOrgItsOwnNumbers() throws Exception {
        assertThat(reference(fx.tenant)).isEqualTo(Map.of("Wallbox 2024-01", 2L, "Energieausweis 2024-02", 1L));
        assertThat(reference(fx.neighbour)).isEqualTo(Map.of("Wallbox 2024-01", 3L, "Photovoltaik 2024-03", 1L));
    }

    private Map<String, Long> reference(IssuedCredential credential) throws SQLException {
        try (Connection c = fx.connect(credential)) {
            return GatewayFixture.referenceCounts(c, GatewayFixture.REFERENCE_QUERY);
        }
    }

    @Test
    void journeyReferenceQueryAndPrefixedNamesWorkOverJson() throws Exception {
        try (Connection c = fx.connect(fx.tenant.username(), fx.tenant.password(), "json");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT journey_id, start_time, details FROM \"" + GatewayFixture.ORG
                     + "_journey_sessions_final\" WHERE journey_id = 'j1' AND start_time > '2024-08-01 00:00:00'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("details")).contains("Desktop");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void catalogShowsOnlyTheTenantsTables() throws Exception {
        try (Connection c = fx.connect(fx.tenant)) {
            assertThat(c.isValid(5)).isTrue();
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                while (rs.next()) {
                    assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(fx.settings.database());
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).hasSize(24).contains("entity_operations", GatewayFixture.ORG + "_entity_operations",
                    "current_entities_final", "portal_events_final");
            assertThat(tables).noneMatch(t -> t.contains(GatewayFixture.NEIGHBOUR) || t.startsWith("tenant_")
                    || t.startsWith("lakegate_") || t.equals("entity_operations_default_codecs"));
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).containsExactly(fx.settings.database());
            Map<String, Integer> types = new TreeMap<>();
            try (ResultSet rs = md.getColumns(null, fx.settings.database(), "entity_operations", "%")) {
                while (rs.next()) {
                    types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                }
            }
            assertThat(types).containsEntry("timestamp", Types.TIMESTAMP).containsEntry("entity_id", Types.VARCHAR)
                    .containsKey("_title").containsKey("source_title");
            try (ResultSet rs = md.getTypeInfo()) {
                assertThat(rs.next()).isTrue();
            }
            try (ResultSet rs = md.getTables(null, null, GatewayFixture.NEIGHBOUR + "%", null)) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void preparedStatementsBindParameters() throws Exception {
        try (Connection c = fx.connect(fx.tenant);
             PreparedStatement ps = c.prepareStatement("SELECT count() AS n FROM entity_operations "
                     + "WHERE schema = ? AND operation = ?")) {
            ps.setString(1, "opportunity");
            ps.setString(2, "createEntity");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
            ps.setString(2, "deleteEntity");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void tenantSqlWorks() throws Exception {
        String[] queries = {
            "SELECT `entity_id`, _title FROM current_entities_final ORDER BY entity_id",
            "SELECT schema, countIf(operation = 'createEntity') AS c, uniqExact(entity_id) AS u, "
                + "argMax(_title, timestamp) AS t FROM entity_operations GROUP BY schema ORDER BY schema",
            "WITH x AS (SELECT entity_id FROM entity_operations) SELECT count() FROM x",
            "SELECT e.entity_id FROM entity_operations e JOIN current_entities_final c ON e.entity_id = c.entity_id "
                + "UNION ALL SELECT entity_id FROM entity_operations WHERE entity_id IN (SELECT entity_id FROM "
                + "current_entities_final) ORDER BY 1 LIMIT 3 OFFSET 1",
            "SELECT entity_id, row_number() OVER (PARTITION BY schema ORDER BY timestamp) AS rn FROM entity_operations",
            "SELECT quantiles(0.5, 0.9)(length(detail)), quantile(0.5)(length(detail)) FROM entity_operations",
            "SELECT {fn UCASE(schema)}, toDate(timestamp) + INTERVAL 1 DAY, dateDiff('day', timestamp, now()), "
                + "if(schema = 'contact', 1, 0), multiIf(schema = 'a', 1, 2), [1, 2, 3], _tags[1] "
                + "FROM entity_operations WHERE timestamp >= {ts '2024-01-01 00:00:00'} AND toDate(timestamp) < "
                + "{d '2030-01-01'}",
            "SELECT * FROM current_entities_final FINAL",
            "SELECT toStartOfMonth(timestamp) AS m, count() FROM entity_operations GROUP BY m ORDER BY m "
                + "SETTINGS max_threads = 1",
            "SELECT CAST(timestamp AS Nullable(DateTime64(3))), CAST(1 AS INTEGER) FROM entity_operations LIMIT 1",
        };
        try (Connection c = fx.connect(fx.tenant); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    assertThat(rs.next()).as(q).isTrue();
                }
            }
        }
    }

    @Test
    void clickHouseFunctionsNamedLikeSqlWordsKeepTheirClickHouseMeaning() throws Exception {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("SELECT range(3)", "[0, 1, 2]");
        expected.put("SELECT arrayJoin(range(2)) AS x ORDER BY x DESC LIMIT 1", "1");
        expected.put("SELECT extract('order-123', '[0-9]+')", "123");
        expected.put("SELECT EXTRACT(YEAR FROM min(timestamp)) FROM entity_operations", "2024");
        expected.put("SELECT max(EXTRACT(MONTH FROM timestamp)) FROM entity_operations", "2");
        expected.put("SELECT min(year(timestamp)) FROM entity_operations", "2024");
        expected.put("SELECT max(month(timestamp)) FROM entity_operations", "2");
        expected.put("SELECT {fn YEAR(min(timestamp))} FROM entity_operations", "2024");
        // a tuple or a map comes as ClickHouse's text of it
        expected.put("SELECT tuple('a', 1) FROM entity_operations LIMIT 1", "('a',1)");
        expected.put("SELECT argMax(tuple(entity_id, 2), timestamp) FROM entity_operations", "('c1',2)");
        expected.put("SELECT map('k', 1) FROM entity_operations LIMIT 1", "{'k':1}");
        // ODBC counts days of the week from Sunday = 1: 2024-01-10 was a Wednesday
        expected.put("SELECT {fn DAYOFWEEK(min(timestamp))} FROM entity_operations", "4");
        expected.put("SELECT coalesce(NULL, 'x')", "x");
        expected.put("SELECT ifNull(NULL, 7)", "7");
        expected.put("SELECT count() FROM entity_operations WHERE if(schema = 'contact', NULL, 1) = 1", "5");
        try (Connection c = fx.connect(fx.tenant); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : expected.entrySet()) {
                try (ResultSet rs = s.executeQuery(q.getKey())) {
                    assertThat(rs.next()).as(q.getKey()).isTrue();
                    assertThat(rs.getString(1)).as(q.getKey()).isEqualTo(q.getValue());
                }
            }
        }
    }

    @Test
    void timestampsReadAsTextHaveTheirOwnDigitsAfterTheSecond() throws Exception {
        try (Connection c = fx.connect(fx.tenant); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(timestamp), toDateTime(min(timestamp)), "
                     + "toDateTime64(min(timestamp), 6) FROM entity_operations")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2024-01-10 10:00:00.000");
            assertThat(rs.getString(2)).isEqualTo("2024-01-10 10:00:00");
            assertThat(rs.getString(3)).isEqualTo("2024-01-10 10:00:00.000000");
        }
    }

    @Test
    void badInputGetsClearErrorsAndTheDoorKeepsServing() throws Exception {
        assertThatThrownBy(() -> fx.connect(fx.tenant.username(), "wrong", "protobuf").createStatement()
                .executeQuery("SELECT 1")).hasMessageContaining("Authentication failed");
        assertThatThrownBy(() -> fx.connect("nobody", "x", "json").createStatement().executeQuery("SELECT 1"))
                .hasMessageContaining("Authentication failed");
        try (Connection c = fx.connect(fx.tenant); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT FROM WHERE")).hasMessageContaining("Syntax error");
            assertThatThrownBy(() -> s.executeQuery("SELEC 1")).hasMessageContaining("SELEC is not");
            assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM entity_operations"))
                    .hasMessageContaining("nope");
            assertThatThrownBy(() -> s.executeQuery("SELECT EXTRACT(DOW FROM timestamp) FROM entity_operations"))
                    .hasMessageContaining("EXTRACT(DOW FROM ...) is not supported").hasMessageContaining("toDayOfWeek");
            assertThatThrownBy(() -> s.executeQuery("DROP TABLE entity_operations"))
                    .hasMessageContaining("DROP is not allowed");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + GatewayFixture.NEIGHBOUR
                    + "_entity_operations")).hasMessageContaining("does not exist in your catalog");
            assertThatThrownBy(() -> s.executeQuery("SELECT a.entity_id FROM entity_operations a, entity_operations b, "
                    + "entity_operations c, entity_operations d, entity_operations e"))
                    .hasMessageContaining("max_result_rows");
            // ClickHouse does not stop a result made in one block by arrayJoin: the gateway counts the rows itself
            assertThatThrownBy(() -> {
                try (ResultSet rs = s.executeQuery("SELECT arrayJoin(arrayWithConstant(5000, 1)) AS x")) {
                    while (rs.next()) {
                        assertThat(rs.getRow()).as("rows handed out before the error").isLessThanOrEqualTo(1000);
                    }
                }
            }).hasMessageContaining("max_result_rows (1000)");
            assertThatThrownBy(() -> s.executeQuery("SELECT 1 FROM entity_operations SETTINGS max_execution_time "
                    + "= 100000")).hasMessageContaining("may only be lowered");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO entity_operations VALUES (1)"))
                    .hasMessageContaining("INSERT is not allowed");
            try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(6);
            }
        }
    }

    @Test
    void largeResultsArriveWholeAcrossFramesWhateverTheFetchSize() throws Exception {
        // the fixture's gateway caps results at 1,000 rows: this one allows more, so results span several frames
        try (Gateway roomy = Gateway.start(fx.target, fx.settings, new Gateway.Options("127.0.0.1", 0, -1, -1, null,
                new TenantLimits(60, 1_000_000, 1L << 30, 2L << 30, 3)))) {
            // the org's 6 operations, 6 times crossed: 46,656 distinct rows, more than 9 frames
            String crossed = "SELECT concat(a.activity_id, b.activity_id, c.activity_id, d.activity_id, "
                    + "e.activity_id, f.activity_id) AS k FROM entity_operations a, entity_operations b, "
                    + "entity_operations c, entity_operations d, entity_operations e, entity_operations f";
            for (String serialization : List.of("protobuf", "json")) {
                Properties p = new Properties();
                p.setProperty("avatica_user", fx.tenant.username());
                p.setProperty("avatica_password", fx.tenant.password());
                try (Connection c = DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:"
                        + roomy.avaticaPort() + ";serialization=" + serialization + ";authentication=BASIC", p)) {
                    for (int fetchSize : new int[] {0, 10, 100_000}) {
                        try (Statement s = c.createStatement()) {
                            s.setFetchSize(fetchSize);
                            Set<String> keys = new HashSet<>();
                            long rows = 0;
                            try (ResultSet rs = s.executeQuery(crossed)) {
                                while (rs.next()) {
                                    keys.add(rs.getString(1));
                                    rows++;
                                }
                            }
                            assertThat(rows).as(serialization + ", fetch size " + fetchSize).isEqualTo(46_656);
                            assertThat(keys).as("no row twice, none missing").hasSize(46_656);
                        }
                    }
                    try (Statement s = c.createStatement()) {
                        s.setMaxRows(7_001);
                        long rows = 0;
                        try (ResultSet rs = s.executeQuery(crossed)) {
                            while (rs.next()) {
                                rows++;
                            }
                        }
                        assertThat(rows).as(serialization + ": setMaxRows still holds").isEqualTo(7_001);
                    }
                }
            }
        }
    }

    @Test
    void errorsCarryTheMessageButNoServerStackTraces() throws Exception {
        for (String serialization : List.of("protobuf", "json")) {
            try (Connection c = fx.connect(fx.tenant.username(), fx.tenant.password(), serialization);
                 Statement s = c.createStatement()) {
                for (String bad : List.of("SELECT nope FROM entity_operations", "DROP TABLE entity_operations",
                        "SELECT a.entity_id FROM entity_operations a, entity_operations b, entity_operations c, "
                                + "entity_operations d, entity_operations e")) {
                    SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery(bad));
                    assertThat((Throwable) e).as(serialization + ": " + bad).isInstanceOf(AvaticaSqlException.class);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\tat ");
                    // Avatica's server sends its stack traces along by default, and its driver prints them
                    assertThat(((AvaticaSqlException) e).getStackTraces()).as(serialization + ": " + bad)
                            .noneMatch(trace -> trace.contains("\tat "));
                }
            }
        }
    }

    @Test
    void revokingACredentialEndsItsLoginsAndConnections() throws Exception {
        IssuedCredential extra;
        try (Connection c = fx.target.connect(fx.settings.database())) {
            extra = new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings).create(new OrgId(GatewayFixture.ORG), "to revoke");
        }
        Connection open = fx.connect(extra);
        Statement s = open.createStatement();
        try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
            assertThat(rs.next()).isTrue();
        }
        try (Connection c = fx.target.connect(fx.settings.database())) {
            assertThat(new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings).revoke(extra.username())).isTrue();
        }
        // within a second on every replica: new logins fail, the open connection's next call too
        Thread.sleep(RevocationEpoch.TRUSTED_FOR.toMillis());
        assertThatThrownBy(() -> fx.connect(extra).createStatement().executeQuery("SELECT 1"))
                .hasMessageContaining("revoked");
        assertThatThrownBy(() -> s.executeQuery("SELECT count() FROM entity_operations"))
                .hasMessageContaining("revoked");
        assertThatThrownBy(open::close).hasMessageContaining("516");
    }

    @Test
    void concurrencyLimitNamesTheLimit() {
        Tenant t = new Tenant("x", GatewayFixture.ORG);
        TenantGateway pipeline = fx.gateway.pipeline();
        List<TenantGateway.Permit> held = new ArrayList<>();
        try {
            for (int i = 0; i < GatewayFixture.LIMITS.maxConcurrentQueries(); i++) {
                held.add(pipeline.acquire(t));
            }
            assertThatThrownBy(() -> pipeline.acquire(t)).hasMessageContaining("max_concurrent_queries");
        } finally {
            held.forEach(TenantGateway.Permit::close);
        }
        pipeline.acquire(t).close();
    }
}
