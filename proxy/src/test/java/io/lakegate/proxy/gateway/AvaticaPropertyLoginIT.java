package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * DataGrip gives Avatica's driver its login fields as the connection properties {@code user} and {@code password}:
 * the JDBC door accepts them as it accepts {@code avatica_user} / {@code avatica_password}, with the same rules
 * (only the tenant's rows, wrong passwords refused without saying whether the user exists), and a request without
 * authentication reaches nothing else.
 */
class AvaticaPropertyLoginIT {
    private static final GatewayFixture FX = GatewayFixture.get();

    /** The URL DataGrip's Avatica data source is given (authentication=BASIC or not), and its login fields. */
    private static Connection dataGrip(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"protobuf", "json"})
    void userAndPasswordPropertiesLogInAndSeeTheirOwnOrgOnly(String serialization) throws Exception {
        for (String url : new String[] {FX.avaticaUrl(serialization), "jdbc:avatica:remote:url=http://127.0.0.1:"
                + FX.gateway.avaticaPort() + ";serialization=" + serialization}) {
            try (Connection c = dataGrip(url, FX.tenant.username(), FX.tenant.password());
                 Connection n = dataGrip(url, FX.neighbour.username(), FX.neighbour.password())) {
                assertThat(GatewayFixture.referenceCounts(c, GatewayFixture.REFERENCE_QUERY))
                        .isEqualTo(GatewayFixture.referenceCounts(FX.connect(FX.tenant),
                                GatewayFixture.REFERENCE_QUERY));
                assertThat(GatewayFixture.referenceCounts(c, GatewayFixture.REFERENCE_QUERY))
                        .isNotEqualTo(GatewayFixture.referenceCounts(n, GatewayFixture.REFERENCE_QUERY));
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count() FROM "
                        + "entity_operations")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(6);
                }
                DatabaseMetaData md = c.getMetaData();
                try (ResultSet rs = md.getTables(null, null, "%", null)) {
                    while (rs.next()) {
                        assertThat(rs.getString("TABLE_NAME")).doesNotStartWith(GatewayFixture.NEIGHBOUR);
                    }
                }
            }
        }
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAlike() {
        // Avatica's driver reports a refused connection as a RuntimeException, whatever the login was
        Throwable wrong = catchThrowable(() -> dataGrip(FX.avaticaUrl("protobuf"), FX.tenant.username(), "wrong")
                .close());
        Throwable unknown = catchThrowable(() -> dataGrip(FX.avaticaUrl("protobuf"), "t9999_nobody", "wrong")
                .close());
        assertThat(wrong.getMessage()).contains("Authentication failed");
        assertThat(unknown.getMessage().replace("t9999_nobody", "USER"))
                .isEqualTo(wrong.getMessage().replace(FX.tenant.username(), "USER"));
    }

    @Test
    void noLoginAtAllIsStillRefused() {
        Throwable e = catchThrowable(() -> DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:"
                + FX.gateway.avaticaPort() + ";serialization=protobuf", new Properties()).close());
        assertThat(e).hasMessageContaining("401");
    }

    @Test
    void aConnectionOpenedWithBasicIsNotServedWithoutIt() throws Exception {
        try (Connection c = FX.connect(FX.tenant)) {
            String id = c.unwrap(org.apache.calcite.avatica.AvaticaConnection.class).id;
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + FX.gateway.avaticaPort())).POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString("{\"request\":\"createStatement\","
                            + "\"connectionId\":\"" + id + "\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
        }
    }
}
