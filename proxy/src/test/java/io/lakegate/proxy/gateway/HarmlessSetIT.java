package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * DBeaver's read-only connection sends {@code SET readonly = 1}: accepted on both doors and harmless (every query
 * runs read-only already); a SET that would change or loosen anything is still refused.
 */
class HarmlessSetIT {
    private static final GatewayFixture FX = GatewayFixture.get();

    @ParameterizedTest
    @ValueSource(strings = {"SET readonly = 1", "SET readonly = 2;", "set READONLY = '1'"})
    void theClickHouseDoorAcceptsItAndAnswersAsClickHouseDoes(String sql) throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "", sql);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void clickhouseJdbcAndAvaticasDriverRunItAndKeepServing() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", FX.tenant.username());
        p.setProperty("password", FX.tenant.password());
        try (Connection ch = DriverManager.getConnection("jdbc:clickhouse:http://127.0.0.1:" + FX.gateway.httpPort()
                + "/" + FX.settings.database(), p); Connection avatica = FX.connect(FX.tenant)) {
            for (Connection c : new Connection[] {ch, avatica}) {
                try (Statement s = c.createStatement()) {
                    assertThat(s.execute("SET readonly = 1")).isFalse();
                    try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(6);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET readonly = 0", "SET max_threads = 100", "SET readonly = 1, max_threads = 100",
            "SET readonly = 1; DROP TABLE entity_operations"})
    void anySetThatWouldChangeSomethingIsStillRefused(String sql) throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "", sql);
        assertThat(r.statusCode()).isNotEqualTo(200);
        assertThat(r.body()).contains("not allowed");
        try (Connection c = FX.connect(FX.tenant); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute(sql));
            assertThat(GatewayFixture.told(e)).contains("not allowed");
        }
    }
}
