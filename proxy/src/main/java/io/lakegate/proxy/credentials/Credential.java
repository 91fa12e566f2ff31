package io.lakegate.proxy.credentials;

/** A gateway credential as listed: never with its password. */
public record Credential(String username, String orgId, String label, String createdAt, String revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
