package io.lakegate.app;

import io.lakegate.proxy.admin.AdminTokens;
import io.lakegate.proxy.gateway.Gateway;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The admin port's options ({@code serve}, {@code demo}). Besides the tokens given, the gateway always accepts one
 * more operator token of its own, generated at each start and written with the admin URL to {@code DIR/admin.json}
 * (mode 600), which the admin commands on the same data directory use to reach it ({@link RunningGateway}).
 */
final class AdminOptions {
    static final int DEFAULT_PORT = 8766;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "Port of the admin API, metrics and health (default: ${DEFAULT-VALUE}; 0 for any free port, "
                    + "-1 turns it off). Listens on --host.")
    int port;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:LAKEGATE_ADMIN_TOKEN}",
            description = "A bearer token for the admin API, good for every org (at least 16 characters); also from "
                    + "LAKEGATE_ADMIN_TOKEN.")
    String token;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Bearer tokens for the admin API, one a line: TOKEN for an operator, TOKEN ORG for a token "
                    + "that manages only that org (credentials, limits); # comments.")
    Path tokenFile;

    /** What was resolved: the gateway's admin options (null when off) and the local token. */
    record Admin(Gateway.Admin gateway, String localToken, boolean given) {
        /** Writes {@code DIR/admin.json} for the admin commands; returns the file. */
        Path record(Path dir, String url) throws IOException {
            Files.createDirectories(dir);
            return RunningGateway.write(dir, url, localToken);
        }

        /** Where the operator finds a token, for the startup lines: never the token itself. */
        String tokenSource(Path file) {
            return (given ? "the one(s) you gave, or " : "") + "admin_token in " + file;
        }
    }

    Admin resolve(String publicHost) throws IOException {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--admin-port " + port + " is not a TCP port: give 1-65535, 0 for any "
                    + "free port, or -1 to turn the admin API off");
        }
        if (port == -1) {
            return new Admin(null, null, false);
        }
        AdminTokens tokens = new AdminTokens();
        boolean given = false;
        if (token != null && !token.isBlank()) {
            tokens.addOperator(token.strip());
            given = true;
        }
        if (tokenFile != null) {
            if (!Files.isReadable(tokenFile)) {
                throw new IllegalArgumentException("--admin-token-file " + tokenFile + " cannot be read: give a "
                        + "readable file of tokens, one a line");
            }
            tokens.addFile(tokenFile);
            given = true;
        }
        String local = AdminTokens.generate();
        tokens.addOperator(local);
        return new Admin(new Gateway.Admin(port, tokens, publicHost), local, given);
    }
}
