package io.lakegate.app;

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
import java.util.List;
import java.util.Optional;

/** {@code lakegate credentials ...}: issues, lists and revokes tenants' gateway credentials. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Issues, lists and revokes the credentials tenants use to log in to the gateway. Passwords are "
                + "stored only as salted bcrypt hashes, in ClickHouse, shared by every gateway replica.",
        subcommands = picocli.CommandLine.HelpCommand.class)
final class CredentialsCommand {
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
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            IssuedCredential issued = new CredentialStore(c, ch.settings()).create(id, label);
            Optional<RunningGateway> running = RunningGateway.find(ch.embedded.data);
            if (running.isEmpty() && (host == null || avaticaPort == null || httpPort == null)) {
                System.err.println("lakegate: no running gateway found in " + ch.embedded.data + " (serve and demo "
                        + "write " + RunningGateway.FILE + " there): the details below use the default host and ports; "
                        + "give --gateway-host, --avatica-port and --http-port if yours differ");
            }
            ConnectionInfo info = new ConnectionInfo(issued,
                    host != null ? host : running.map(RunningGateway::host).orElse("localhost"),
                    avaticaPort != null ? avaticaPort : running.map(RunningGateway::avaticaPort).orElse(8765),
                    httpPort != null ? httpPort : running.map(RunningGateway::httpPort).orElse(8123),
                    ch.settings().database());
            System.out.println(json ? info.toJson() : info.toText());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists credentials, never their passwords.")
    int list(@Mixin ClickHouseOptions ch,
             @Option(names = "--org", description = "Only this org's credentials.") String org) throws Exception {
        OrgId id = org == null ? null : new OrgId(org);
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            List<Credential> all = new CredentialStore(c, ch.settings()).list(id);
            for (Credential cred : all) {
                System.out.printf("%-24s org %-38s %-9s created %s %s%n", cred.username(), cred.orgId(),
                        cred.revoked() ? "REVOKED" : "active", cred.createdAt(),
                        cred.label().isEmpty() ? "" : "(" + cred.label() + ")");
            }
            System.out.println(all.size() + " credential(s).");
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a credential: new logins with it fail at once.")
    int revoke(@Mixin ClickHouseOptions ch, @Parameters(paramLabel = "USERNAME") String username) throws Exception {
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            if (new CredentialStore(c, ch.settings()).revoke(username)) {
                System.out.println("Revoked " + username + ".");
                return 0;
            }
            throw new IllegalArgumentException("There is no active credential named '" + username
                    + "' (see `lakegate credentials list`)");
        }
    }
}
