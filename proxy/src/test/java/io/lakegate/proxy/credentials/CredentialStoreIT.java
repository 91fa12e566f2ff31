package io.lakegate.proxy.credentials;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialStoreIT {
    private static ClickHouseTarget target;
    private static SchemaSettings settings;

    @BeforeAll
    static void schema() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        settings = SchemaSettings.defaults().withDatabase("creds_" + ProcessHandle.current().pid());
        new SchemaManager(target, settings).update();
        try (Connection c = target.connect(settings.database())) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId("11"), new OrgId("22")));
        }
    }

    @Test
    void issueVerifyListRevoke() throws Exception {
        try (Connection c = target.connect(settings.database())) {
            CredentialStore store = new CredentialStore(target.dataSource(settings.database()), settings);
            IssuedCredential a = store.create(new OrgId("11"), "analyst");
            IssuedCredential b = store.create(new OrgId("22"), "");
            assertThat(a.password()).hasSize(32);
            assertThat(a.username()).isNotEqualTo(b.username());
            assertThat(store.verify(a.username(), a.password())).hasValue("11");
            assertThat(store.verify(b.username(), b.password())).hasValue("22");
            assertThat(store.verify(a.username(), b.password())).isEmpty();
            assertThat(store.verify("nobody", a.password())).isEmpty();
            assertThat(store.verify(a.username(), "")).isEmpty();
            // only a hash is stored
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT password_hash FROM "
                    + "lakegate_credentials WHERE username = '" + a.username() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("$2").doesNotContain(a.password());
            }
            assertThat(store.list(new OrgId("11"))).extracting(Credential::username).contains(a.username())
                    .doesNotContain(b.username());
            assertThat(store.list(null).toString()).doesNotContain(a.password());
            assertThat(store.revoke(a.username())).isTrue();
            assertThat(store.revoke(a.username())).isFalse();
            assertThat(store.verify(a.username(), a.password())).isEmpty();
            assertThat(store.list(new OrgId("11"))).filteredOn(cred -> cred.username().equals(a.username()))
                    .allMatch(Credential::revoked);
        }
    }

    @Test
    void onlyProvisionedOrgsGetCredentials() throws Exception {
        try (Connection c = target.connect(settings.database())) {
            assertThatThrownBy(() -> new CredentialStore(target.dataSource(settings.database()), settings).create(new OrgId("999"), ""))
                    .hasMessageContaining("not provisioned");
        }
    }

    @Test
    void connectionInfoHasEverythingATenantNeeds() {
        ConnectionInfo info = new ConnectionInfo(new IssuedCredential("t11_abc", "secret", "11", ""), "gw.example", 8765,
                8123, "datawarehouse");
        assertThat(info.toText()).contains("t11_abc", "secret", "gw.example", "8765", "8123", "datawarehouse",
                "jdbc:avatica:remote:url=http://gw.example:8765", "jdbc:clickhouse:http://gw.example:8123/datawarehouse",
                "Driver={ClickHouse ODBC Driver (ANSI)};Server=gw.example;Port=8123;Database=datawarehouse;");
        assertThat(info.toJson()).contains("\"username\" : \"t11_abc\"", "\"odbc_connection_string\"");
    }
}
