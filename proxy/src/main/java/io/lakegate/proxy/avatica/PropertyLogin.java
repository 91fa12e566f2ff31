package io.lakegate.proxy.avatica;

import io.lakegate.proxy.gateway.GatewayAuthenticator;
import io.lakegate.proxy.gateway.Tenant;
import org.apache.calcite.avatica.remote.JsonService;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The login DataGrip and other JDBC tools give Avatica's driver: the connection properties {@code user} and
 * {@code password} (their login fields), which the driver sends in its OpenConnectionRequest rather than as HTTP Basic
 * authentication (that it does only for {@code avatica_user} / {@code avatica_password}). The gateway checks them
 * there, with the same throttle as Basic; the connection then belongs to that credential, and a request without
 * Basic authentication is served only on a connection opened this way, as its owner. Its id, a random UUID the driver
 * makes, is the session's key: over the network only with TLS, as for any password.
 */
final class PropertyLogin {
    private static final ProtobufTranslationImpl PROTOBUF = new ProtobufTranslationImpl();

    /** A connection opened with properties: served only while that tenant owns it. */
    private record Opened(Tenant tenant, long atNanos) {
    }

    private final GatewayAuthenticator authenticator;
    private final Function<String, Tenant> owners;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    /** @param owners the tenant an open connection belongs to, or null when it is not open */
    PropertyLogin(GatewayAuthenticator authenticator, Function<String, Tenant> owners) {
        this.authenticator = authenticator;
        this.owners = owners;
    }

    /**
     * The tenant of an Avatica request without Basic authentication, or null when it carries no login.
     *
     * @throws GatewayAuthenticator.LoginFailedException when its user and password do not log in
     */
    Tenant tenant(byte[] body, boolean json, String address) {
        Service.Request request;
        try {
            request = json ? JsonService.MAPPER.readValue(body, Service.Request.class) : PROTOBUF.parseRequest(body);
        } catch (Exception e) {
            return null; // not a request the driver sent: refused as unauthenticated
        }
        if (request instanceof Service.OpenConnectionRequest open) {
            Map<String, String> info = open.info;
            if (info == null || info.get("user") == null || info.get("password") == null) {
                return null;
            }
            Tenant tenant = authenticator.authenticate(info.get("user"), info.get("password"), address);
            if (owners.apply(open.connectionId) == null) {
                opened.put(open.connectionId, new Opened(tenant, System.nanoTime()));
            }
            return tenant;
        }
        String id = connectionId(request);
        Opened connection = id == null ? null : opened.get(id);
        if (connection == null) {
            return null;
        }
        Tenant owner = owners.apply(id);
        return connection.tenant().equals(owner) ? owner : null;
    }

    /** Forgets the connections that are no longer open (or never were: a minute is enough to open one). */
    void forgetClosed() {
        long minute = System.nanoTime() - TimeUnit.MINUTES.toNanos(1);
        opened.entrySet().removeIf(e -> owners.apply(e.getKey()) == null && e.getValue().atNanos() - minute < 0);
    }

    /** The connection a request is for: every Avatica request but OpenConnection names it in this field. */
    private static String connectionId(Service.Request request) {
        try {
            return request.getClass().getField("connectionId").get(request) instanceof String id ? id : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
