package io.lakegate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.proxy.credentials.ConnectionInfo;
import io.lakegate.proxy.credentials.Credential;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code lakegate credentials ...}: issues, lists and revokes tenants' gateway credentials. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Issues, lists and revokes the credentials tenants use to log in to the gateway. Passwords are "
                + "stored only as salted bcrypt hashes, in ClickHouse, shared by every gateway replica.",
        subcommands = picocli.CommandLine.HelpCommand.class)
final class CredentialsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issues a username and password for one org and prints, once, everything the tenant needs.")
    int create(@Mixin ClickHouseOptions ch,
               @Option(names = "--org", required = true, description = "The org the credential is for.") String org,
               @Option(names = "--label", defaultValue = "", description = "A note, e.g. who it is for.") String label,
               @Option(names = "--json", description = "Print JSON instead of text.") boolean json,
               @Option(names = "--gateway-host", defaultValue = "${env:LAKEGATE_GATEWAY_HOST}",
                       description = "Host name tenants reach the gateway at (default: the running gateway's, "
                               + "else localhost; also from LAKEGATE_GATEWAY_HOST).") String host,
               @Option(names = "--avatica-port", description = "The gateway's Avatica (JDBC) port (default: the "
                       + "running gateway's, else 8765).") Integer avaticaPort,
               @Option(names = "--http-port", description = "The gateway's ClickHouse HTTP port (default: the "
                       + "running gateway's, else 8123).") Integer httpPort)
            throws Exception {
        OrgId id = new OrgId(org);
        Optional<RunningGateway> running = RunningGateway.find(ch);
        if (running.isPresent()) {
            // the running gateway knows where its doors are: its connection details, not the options'
            JsonNode c = running.get().call("POST", "/api/orgs/" + RunningGateway.segment(id.value())
                    + "/credentials", JSON.createObjectNode().put("label", label));
            ConnectionInfo info = new ConnectionInfo(new IssuedCredential(c.path("username").asText(),
                    c.path("password").asText(), c.path("org_id").asText(), c.path("label").asText()),
                    c.path("host").asText(), c.path("avatica_port").asInt(), c.path("http_port").asInt(),
                    c.path("database").asText());
            System.out.println(json ? info.toJson() : info.toText());
            return 0;
        }
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            IssuedCredential issued = new CredentialStore(target.dataSource(ch.settings().database()), ch.settings()).create(id, label);
            Optional<GatewayAddress> address = GatewayAddress.find(ch.embedded.data);
            if (address.isEmpty() && (host == null || avaticaPort == null || httpPort == null)) {
                System.err.println("lakegate: no running gateway found in " + ch.embedded.data + " (serve and demo "
                        + "write " + GatewayAddress.FILE + " there): the details below use the default host and ports; "
                        + "give --gateway-host, --avatica-port and --http-port if yours differ");
            }
            ConnectionInfo info = new ConnectionInfo(issued,
                    host != null ? host : address.map(GatewayAddress::host).orElse("localhost"),
                    avaticaPort != null ? avaticaPort : address.map(GatewayAddress::avaticaPort).orElse(8765),
                    httpPort != null ? httpPort : address.map(GatewayAddress::httpPort).orElse(8123),
                    ch.settings().database());
            System.out.println(json ? info.toJson() : info.toText());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists credentials, never their passwords.")
    int list(@Mixin ClickHouseOptions ch,
             @Option(names = "--org", description = "Only this org's credentials.") String org) throws Exception {
        OrgId id = org == null ? null : new OrgId(org);
        Optional<RunningGateway> running = RunningGateway.find(ch);
        if (running.isPresent()) {
            print(listed(running.get(), id));
            return 0;
        }
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            print(new CredentialStore(target.dataSource(ch.settings().database()), ch.settings()).list(id));
            return 0;
        }
    }

    private static void print(List<Credential> all) {
        for (Credential cred : all) {
            System.out.printf("%-24s org %-38s %-9s created %s %s%n", cred.username(), cred.orgId(),
                    cred.revoked() ? "REVOKED" : "active", cred.createdAt(),
                    cred.label().isEmpty() ? "" : "(" + cred.label() + ")");
        }
        System.out.println(all.size() + " credential(s).");
    }

    /** The credentials of one org, or of every org, as the running gateway lists them. */
    private static List<Credential> listed(RunningGateway gateway, OrgId org) throws Exception {
        List<String> orgs = new ArrayList<>();
        if (org != null) {
            orgs.add(org.value());
        } else {
            gateway.call("GET", "/api/orgs", null).forEach(o -> orgs.add(o.path("org_id").asText()));
        }
        List<Credential> result = new ArrayList<>();
        for (String o : orgs) {
            for (JsonNode c : gateway.call("GET", "/api/orgs/" + RunningGateway.segment(o) + "/credentials", null)) {
                result.add(new Credential(c.path("username").asText(), o, c.path("label").asText(),
                        c.path("created_at").asText(), c.path("revoked_at").isNull() ? null
                        : c.path("revoked_at").asText()));
            }
        }
        return result;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a credential: its logins and open connections fail within a second on every gateway.")
    int revoke(@Mixin ClickHouseOptions ch, @Parameters(paramLabel = "USERNAME") String username) throws Exception {
        Optional<RunningGateway> running = RunningGateway.find(ch);
        if (running.isPresent()) {
            Optional<Credential> active = listed(running.get(), null).stream()
                    .filter(c -> c.username().equals(username) && !c.revoked()).findFirst();
            if (active.isEmpty()) {
                throw new IllegalArgumentException("There is no active credential named '" + username
                        + "' (see `lakegate credentials list`)");
            }
            running.get().call("DELETE", "/api/orgs/" + RunningGateway.segment(active.get().orgId())
                    + "/credentials/" + RunningGateway.segment(username), null);
            System.out.println("Revoked " + username + ".");
            return 0;
        }
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            if (new CredentialStore(target.dataSource(ch.settings().database()), ch.settings()).revoke(username)) {
                System.out.println("Revoked " + username + ".");
                return 0;
            }
            throw new IllegalArgumentException("There is no active credential named '" + username
                    + "' (see `lakegate credentials list`)");
        }
    }
}
