package io.lakegate.proxy.credentials;

/** A credential at the moment it is issued: the only time its password is known. */
public record IssuedCredential(String username, String password, String orgId, String label) {
    @Override
    public String toString() {
        return "IssuedCredential[username=" + username + ", org=" + orgId + "]";
    }
}
