package io.lakegate.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.credentials.ConnectionInfo;
import io.lakegate.proxy.credentials.Credential;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.gateway.OrgLimits;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.entity.EntityViews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin API's resources: orgs, their credentials and their limits. Requests are served one at a time on the
 * API's own ClickHouse connection: they are rare, and provisioning an org is several statements that must not
 * interleave with another's.
 */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private final Connection connection;
    private final SchemaSettings settings;
    private final CredentialStore credentials;
    private final OrgLimits limits;
    private final Function<IssuedCredential, ConnectionInfo> connectionInfo;
    private final Supplier<String> metrics;
    private final Runnable revoked;

    /**
     * @param connection     the API's own connection to the lake's database
     * @param connectionInfo how tenants reach this gateway, for a credential just issued
     * @param metrics        the gateway's metrics in Prometheus's text format
     * @param revoked        told after a credential is revoked, so this gateway stops trusting it at once
     */
    public AdminApi(Connection connection, SchemaSettings settings, CredentialStore credentials, OrgLimits limits,
                    Function<IssuedCredential, ConnectionInfo> connectionInfo, Supplier<String> metrics,
                    Runnable revoked) {
        this.connection = connection;
        this.settings = settings;
        this.credentials = credentials;
        this.limits = limits;
        this.connectionInfo = connectionInfo;
        this.metrics = metrics;
        this.revoked = revoked;
    }

    String metrics() {
        return metrics.get();
    }

    synchronized Answer handle(AdminTokens.Scope scope, String method, List<String> path, JsonNode body) {
        try {
            if (path.isEmpty() || !path.get(0).equals("orgs") || path.size() > 4) {
                throw new ApiException(404, "No such resource: the API has /api/orgs, /api/orgs/ORG, "
                        + "/api/orgs/ORG/credentials[/USERNAME] and /api/orgs/ORG/limits");
            }
            if (path.size() == 1) {
                return switch (method) {
                    case "GET" -> new Answer(200, orgs(scope));
                    case "POST" -> addOrg(operator(scope), body);
                    default -> throw notAllowed(method, "GET, POST");
                };
            }
            OrgId org = orgId(path.get(1));
            if (!scope.covers(org.value())) {
                throw new ApiException(403, "This token is for org " + scope.orgId() + " only");
            }
            OrgProvisioner provisioner = new OrgProvisioner(connection, settings, null);
            if (!provisioner.isProvisioned(org)) {
                throw new ApiException(404, "Org " + org + " is not provisioned (POST /api/orgs adds it)");
            }
            if (path.size() == 2) {
                if (!method.equals("DELETE")) {
                    throw notAllowed(method, "DELETE");
                }
                operator(scope);
                provisioner.remove(org);
                return new Answer(200, JSON.createObjectNode().put("removed", org.value()));
            }
            return switch (path.get(2)) {
                case "credentials" -> credentials(org, method, path.size() == 4 ? path.get(3) : null, body);
                case "limits" -> {
                    if (path.size() == 4) {
                        throw new ApiException(404, "No such resource: /api/orgs/" + org + "/limits has no parts");
                    }
                    yield limits(org, method, body);
                }
                default -> throw new ApiException(404, "No such resource: an org has /credentials and /limits");
            };
        } catch (SQLException e) {
            throw new IllegalStateException("ClickHouse failed: " + e.getMessage(), e);
        }
    }

    private ArrayNode orgs(AdminTokens.Scope scope) throws SQLException {
        ArrayNode list = JSON.createArrayNode();
        for (OrgProvisioner.Org org : new OrgProvisioner(connection, settings, null).list()) {
            if (scope.covers(org.orgId())) {
                list.add(org(org));
            }
        }
        return list;
    }

    private static ObjectNode org(OrgProvisioner.Org org) {
        return JSON.createObjectNode().put("org_id", org.orgId()).put("views_version", org.viewsVersion())
                .put("views_current", org.current()).put("provisioned_at", org.updatedAt());
    }

    private Answer addOrg(AdminTokens.Scope scope, JsonNode body) throws SQLException {
        JsonNode given = object(body, "{\"org_id\": \"16581729\"}").path("org_id");
        if (!given.isTextual()) {
            throw new ApiException(400, "Give the org as {\"org_id\": \"16581729\"} (a string: digits or a UUID)");
        }
        OrgId org = orgId(given.asText());
        OrgProvisioner provisioner = new OrgProvisioner(connection, settings, null);
        boolean created = provisioner.add(List.of(org)) > 0;
        // an org re-added with its data still in the lake gets its entity schema views back at once
        new EntityViews(connection, settings, null).refresh(org);
        OrgProvisioner.Org added = provisioner.list().stream().filter(o -> o.orgId().equals(org.value()))
                .findFirst().orElseThrow();
        return new Answer(created ? 201 : 200, org(added).put("created", created));
    }

    private Answer credentials(OrgId org, String method, String username, JsonNode body) throws SQLException {
        CredentialStore store = credentials;
        if (username == null) {
            return switch (method) {
                case "GET" -> {
                    Map<String, String> lastUsed = lastUsed(org);
                    ArrayNode list = JSON.createArrayNode();
                    for (Credential c : store.list(org)) {
                        list.addObject().put("username", c.username()).put("label", c.label())
                                .put("created_at", c.createdAt()).put("last_used_at", lastUsed.get(c.username()))
                                .put("revoked_at", c.revokedAt()).put("active", !c.revoked());
                    }
                    yield new Answer(200, list);
                }
                case "POST" -> {
                    JsonNode label = body == null ? null : object(body, "{\"label\": \"Power BI, finance\"}")
                            .get("label");
                    if (label != null && !label.isTextual() && !label.isNull()) {
                        throw new ApiException(400, "label must be a string, e.g. {\"label\": \"Power BI, finance\"}");
                    }
                    IssuedCredential issued = store.create(org, label == null || label.isNull() ? ""
                            : label.asText());
                    try {
                        yield new Answer(201, JSON.readTree(connectionInfo.apply(issued).toJson()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                default -> throw notAllowed(method, "GET, POST");
            };
        }
        if (!method.equals("DELETE")) {
            throw notAllowed(method, "DELETE");
        }
        // a credential of another org is not this org's to revoke, and is not said to exist
        boolean ours = store.list(org).stream().anyMatch(c -> c.username().equals(username) && !c.revoked());
        if (!ours || !store.revoke(username)) {
            throw new ApiException(404, "Org " + org + " has no active credential named '" + username + "'");
        }
        revoked.run();
        return new Answer(200, JSON.createObjectNode().put("revoked", username));
    }

    /**
     * When each of the org's credentials last ran a query, from the audit trail: every replica writes there, so it
     * is the same whichever gateway answers.
     */
    private Map<String, String> lastUsed(OrgId org) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT user, toString(max(time)) FROM "
                + ClickHouseQuoting.identifier(settings.database()) + ".lakegate_audit WHERE org_id = ? GROUP BY user")) {
            ps.setString(1, org.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    private Answer limits(OrgId org, String method, JsonNode body) throws SQLException {
        switch (method) {
            case "GET" -> {
                return new Answer(200, limitsOf(org));
            }
            case "PUT" -> {
                JsonNode given = object(body, "{\"max_result_rows\": 100000, \"max_queries_per_minute\": 60}");
                Map<String, Long> changes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : given.properties()) {
                    JsonNode v = e.getValue();
                    if (!v.isNull() && !v.canConvertToExactIntegral()) {
                        throw new ApiException(400, "Limit " + e.getKey() + " must be a whole number, or null for "
                                + "the default; not " + v);
                    }
                    changes.put(e.getKey(), v.isNull() ? null : v.asLong());
                }
                try {
                    limits.change(org.value(), changes);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, e.getMessage());
                }
                return new Answer(200, limitsOf(org));
            }
            default -> throw notAllowed(method, "GET, PUT");
        }
    }

    private JsonNode limitsOf(OrgId org) throws SQLException {
        return JSON.valueToTree(limits.describe(org.value()));
    }

    private static AdminTokens.Scope operator(AdminTokens.Scope scope) {
        if (!scope.operator()) {
            throw new ApiException(403, "This token is for org " + scope.orgId() + " only: adding and removing orgs "
                    + "needs an operator token");
        }
        return scope;
    }

    private static JsonNode object(JsonNode body, String example) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "Send a JSON object, e.g. " + example);
        }
        return body;
    }

    private static OrgId orgId(String value) {
        try {
            return new OrgId(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static ApiException notAllowed(String method, String allowed) {
        return new ApiException(405, "Method " + method + " is not allowed here: use " + allowed);
    }
}
