package io.lakegate.proxy.gateway;

import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.credentials.RevocationEpoch;
import io.lakegate.schema.OrgId;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verified credentials are trusted without reading ClickHouse only while no credential changed: a revocation made
 * elsewhere (another replica, the command line on the lake) ends access within a second through both doors, also on
 * a connection busy running statement after statement; and the cache never lets a password past the login throttle.
 */
class RevocationIT {
    private final GatewayFixture fx = GatewayFixture.get();

    private IssuedCredential issue(String label) throws Exception {
        try (Connection c = fx.target.connect(fx.settings.database())) {
            return new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings).create(new OrgId(GatewayFixture.ORG), label);
        }
    }

    /** Revokes {@code credential} in ClickHouse, as another replica or the command line on the lake does. */
    private void revokeElsewhere(IssuedCredential credential) throws Exception {
        try (Connection c = fx.target.connect(fx.settings.database())) {
            assertThat(new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings).revoke(credential.username())).isTrue();
        }
    }

    @Test
    void aRevocationElsewhereEndsABusyJdbcConnectionWithinASecond() throws Exception {
        IssuedCredential credential = issue("busy jdbc");
        Connection c = fx.connect(credential);
        PreparedStatement s = c.prepareStatement("SELECT count() FROM entity_operations");
        for (int i = 0; i < 3; i++) {
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(6);
            }
        }
        revokeElsewhere(credential);
        Thread.sleep(RevocationEpoch.TRUSTED_FOR.toMillis());
        assertThatThrownBy(s::executeQuery).hasMessageContaining("revoked");
        assertThatThrownBy(c::close).hasMessageContaining("516");
    }

    @Test
    void aRevocationElsewhereEndsKeptAliveClickHouseDoorRequestsWithinASecond() throws Exception {
        IssuedCredential credential = issue("busy http");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = fx.clickHouseDoor(credential, "", "SELECT count() FROM entity_operations");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.body().strip()).isEqualTo("6");
        }
        revokeElsewhere(credential);
        Thread.sleep(RevocationEpoch.TRUSTED_FOR.toMillis());
        HttpResponse<String> refused = fx.clickHouseDoor(credential, "", "SELECT count() FROM entity_operations");
        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.body()).contains("revoked").doesNotContain("\tat ");
    }

    @Test
    void aCredentialIsTrustedUnreadOnlyInTheGenerationItWasVerifiedIn() throws Exception {
        IssuedCredential credential = issue("generations");
        AtomicLong generation = new AtomicLong(5);
        try (Connection c = fx.target.connect(fx.settings.database())) {
            CredentialStore store = new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings);
            GatewayAuthenticator login = new GatewayAuthenticator(store, generation::get);
            assertThat(login.authenticate(credential.username(), credential.password(), "10.1.0.1").orgId())
                    .isEqualTo(GatewayFixture.ORG);
            assertThat(login.credentialReads()).isEqualTo(1);
            assertThat(store.revoke(credential.username())).isTrue();
            // the epoch has not moved yet: the store is not read (which shows the cache is what answers)
            assertThat(login.authenticate(credential.username(), credential.password(), "10.1.0.1").orgId())
                    .isEqualTo(GatewayFixture.ORG);
            assertThat(login.credentialReads()).isEqualTo(1);
            // nor is a wrong password ever let in by it
            assertThatThrownBy(() -> login.authenticate(credential.username(), credential.password() + "x",
                    "10.1.0.1")).isInstanceOf(GatewayAuthenticator.LoginFailedException.class);
            generation.incrementAndGet();
            assertThatThrownBy(() -> login.authenticate(credential.username(), credential.password(), "10.1.0.1"))
                    .hasMessageContaining("revoked");
            assertThat(login.credentialReads()).as("the wrong password and the login after the change read it")
                    .isEqualTo(3);
        }
    }

    @Test
    void nothingIsTrustedWhileTheEpochCannotBeReadFromClickHouse() throws Exception {
        IssuedCredential credential = issue("untrusted");
        try (Connection c = fx.target.connect(fx.settings.database())) {
            CredentialStore store = new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings);
            GatewayAuthenticator login = new GatewayAuthenticator(store, () -> RevocationEpoch.UNTRUSTED);
            assertThat(login.authenticate(credential.username(), credential.password(), "10.1.0.2").orgId())
                    .isEqualTo(GatewayFixture.ORG);
            assertThat(store.revoke(credential.username())).isTrue();
            assertThatThrownBy(() -> login.authenticate(credential.username(), credential.password(), "10.1.0.2"))
                    .hasMessageContaining("revoked");
        }
    }

    @Test
    void aRememberedPasswordDoesNotGetPastTheThrottle() throws Exception {
        IssuedCredential credential = issue("throttled");
        try (Connection c = fx.target.connect(fx.settings.database())) {
            GatewayAuthenticator login = new GatewayAuthenticator(new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings), () -> 1);
            String attacker = "10.66.0.1";
            assertThat(login.authenticate(credential.username(), credential.password(), "10.1.0.3").orgId())
                    .isEqualTo(GatewayFixture.ORG);
            // guesses until the throttle refuses one unchecked: the budget is spent
            String told = "";
            for (int i = 0; i < 12 && !told.contains("too many failed logins"); i++) {
                try {
                    login.authenticate(credential.username(), "guess" + i, attacker);
                } catch (GatewayAuthenticator.LoginFailedException e) {
                    told = e.getMessage();
                }
            }
            assertThat(told).contains("too many failed logins");
            // the right password from the attacker's address is refused unchecked, like any other guess
            assertThatThrownBy(() -> login.authenticate(credential.username(), credential.password(), attacker))
                    .hasMessageContaining("too many failed logins");
        }
    }
}
