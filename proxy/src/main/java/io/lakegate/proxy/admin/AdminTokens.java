package io.lakegate.proxy.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens the admin port accepts: operator tokens, good for everything, and org tokens, good for one org's
 * credentials and limits only (for a product's own portal, where an org's admin manages that org). Tokens are
 * compared by their SHA-256 digests in constant time.
 */
public final class AdminTokens {
    /** The fewest characters a token may have: a short one could be guessed through the port. */
    static final int MIN_LENGTH = 16;

    /** What a token may do: {@code orgId} null for an operator token. */
    public record Scope(String orgId) {
        public static final Scope OPERATOR = new Scope(null);

        public boolean operator() {
            return orgId == null;
        }

        public boolean covers(String org) {
            return orgId == null || orgId.equals(org);
        }
    }

    private record Token(byte[] digest, Scope scope) {
    }

    private final List<Token> tokens = new ArrayList<>();

    /** No tokens yet: nothing is accepted. */
    public AdminTokens() {
    }

    /** A random operator token, for the demo and for {@code serve} without one given. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static AdminTokens operator(String token) {
        return new AdminTokens().addOperator(token);
    }

    /** Accepts {@code token} for everything too. */
    public AdminTokens addOperator(String token) {
        return add(token, Scope.OPERATOR, "--admin-token");
    }

    /**
     * Adds the tokens of a file: one a line, {@code TOKEN} for an operator token or {@code TOKEN ORG} for a token of
     * that org only; blank lines and lines starting with {@code #} are skipped.
     */
    public AdminTokens addFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length > 2) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected TOKEN or TOKEN ORG, "
                        + "found " + parts.length + " words");
            }
            add(parts[0], parts.length == 2 ? new Scope(new io.lakegate.schema.OrgId(parts[1]).value())
                    : Scope.OPERATOR, file + " line " + (i + 1));
        }
        return this;
    }

    public static AdminTokens fromFile(Path file) throws IOException {
        return new AdminTokens().addFile(file);
    }

    private AdminTokens add(String token, Scope scope, String where) {
        if (token == null || token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("The admin token of " + where + " is too short: give at least "
                    + MIN_LENGTH + " characters (a random one: openssl rand -base64 32)");
        }
        tokens.add(new Token(digest(token), scope));
        return this;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** What the token in an {@code Authorization: Bearer ...} header may do, or empty when it is no token of ours. */
    public Optional<Scope> authorize(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] given = digest(authorization.substring(7).strip());
        Scope found = null;
        for (Token t : tokens) {
            if (MessageDigest.isEqual(t.digest(), given) && found == null) {
                found = t.scope();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
