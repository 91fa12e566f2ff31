package io.lakegate.engine.server;

import io.lakegate.engine.protocol.Authenticator;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.Credentials;
import io.lakegate.engine.protocol.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The engine endpoint's single user; without a configured password it takes the user {@code default} with none. */
public final class PasswordAuthenticator implements Authenticator<String> {
    private final String user;
    private final byte[] password;

    public PasswordAuthenticator(String user, String password) {
        this.user = user;
        this.password = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String authenticate(Credentials credentials, String remoteAddress) {
        boolean userMatches = MessageDigest.isEqual(credentials.user().getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(credentials.password().getBytes(StandardCharsets.UTF_8),
                password);
        if (userMatches && passwordMatches) {
            return credentials.user();
        }
        if (userMatches && credentials.password().isEmpty()) {
            throw new ClickHouseException(ErrorCode.REQUIRED_PASSWORD, credentials.user()
                    + ": Authentication failed: password is required for this endpoint");
        }
        throw new ClickHouseException(ErrorCode.AUTHENTICATION_FAILED, credentials.user()
                + ": Authentication failed: password is incorrect, or there is no user with such name");
    }
}
