package io.lakegate.proxy.gateway;

/** An authenticated tenant: the credential's username and the org it is bound to for the whole connection. */
public record Tenant(String username, String orgId) {
}
