package io.lakegate.proxy.credentials;

import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gateway credentials in ClickHouse ({@code lakegate_credentials}, defined by the changelogs), so every gateway replica
 * shares them. Passwords are generated here, shown once, and stored only as salted bcrypt hashes.
 */
public final class CredentialStore {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10, RANDOM);
    /** Compared against when the user does not exist, so a failed login takes as long either way. */
    private static final String DUMMY_HASH = BCRYPT.encode(random(24));

    private final DataSource connections;
    private final SchemaSettings settings;
    private final String table;

    public CredentialStore(DataSource connections, SchemaSettings settings) {
        this.connections = connections;
        this.settings = settings;
        this.table = "`" + settings.database() + "`.lakegate_credentials";
    }

    /** Issues a new username and password for a provisioned org. */
    public IssuedCredential create(OrgId org, String label) throws SQLException {
        String username = "t" + (org.value().length() > 12 ? org.value().substring(0, 8) : org.value()) + "_"
                + random(8).toLowerCase(java.util.Locale.ROOT);
        String password = random(32);
        try (Connection connection = connections.getConnection()) {
            if (!new OrgProvisioner(connection, settings, null).isProvisioned(org)) {
                throw new IllegalArgumentException("Org " + org + " is not provisioned: run `lakegate org add " + org
                        + "` first");
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (username, org_id, "
                    + "label, password_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, now64(3), NULL)")) {
                ps.setString(1, username);
                ps.setString(2, org.value());
                ps.setString(3, label == null ? "" : label);
                ps.setString(4, BCRYPT.encode(password));
                ps.executeUpdate();
            }
        }
        return new IssuedCredential(username, password, org.value(), label == null ? "" : label);
    }

    public List<Credential> list(OrgId org) throws SQLException {
        String sql = "SELECT username, org_id, label, toString(created_at), toString(revoked_at) FROM " + table
                + " FINAL" + (org == null ? "" : " WHERE org_id = ?") + " ORDER BY org_id, created_at";
        List<Credential> result = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            if (org != null) {
                ps.setString(1, org.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Credential(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return result;
    }

    /** Revokes a credential; returns false if there is no such active credential. */
    public boolean revoke(String username) throws SQLException {
        Optional<Row> row = find(username);
        if (row.isEmpty() || row.get().revoked) {
            return false;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (username, org_id, label, "
                + "password_hash, created_at, revoked_at) SELECT username, org_id, label, password_hash, created_at, "
                + "now64(3) FROM " + table + " FINAL WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * The org of a valid, unrevoked credential, or empty. Takes a bcrypt comparison whether or not the user exists,
     * so the answer's timing does not tell which.
     */
    public Optional<String> verify(String username, String password) throws SQLException {
        Optional<Row> row = find(username);
        String hash = row.map(r -> r.hash).orElse(DUMMY_HASH);
        boolean matches = BCRYPT.matches(password == null ? "" : password, hash);
        return row.isPresent() && matches && !row.get().revoked ? Optional.of(row.get().orgId) : Optional.empty();
    }

    /** A stored credential: its org, its password hash, whether it is revoked. */
    public record Row(String orgId, String hash, boolean revoked) {
    }

    /** True if {@code password} matches the stored hash (a slow bcrypt comparison). */
    public static boolean matches(String password, String hash) {
        return BCRYPT.matches(password == null ? "" : password, hash);
    }

    /** Spends the time of one bcrypt comparison, for answers that must not be faster when a user does not exist. */
    public static void compareWithDummy(String password) {
        BCRYPT.matches(password == null ? "" : password, DUMMY_HASH);
    }

    /**
     * One line that changes whenever any credential is issued, revoked or removed: what {@link RevocationEpoch} polls.
     * The table holds one row per credential, so reading all of it is cheap.
     */
    public String fingerprintQuery() {
        return "SELECT count(), groupBitXor(sipHash64(username, org_id, password_hash, "
                + "ifNull(toString(revoked_at), ''))) FROM " + table + " FINAL";
    }

    /** The usernames of revoked credentials. */
    public java.util.Set<String> revoked() throws SQLException {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT username FROM " + table
                     + " FINAL WHERE revoked_at IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The stored credential of {@code username}, if there is one. */
    public Optional<Row> find(String username) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT org_id, password_hash, revoked_at IS NOT NULL "
                + "FROM " + table + " FINAL WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
