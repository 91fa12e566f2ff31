package io.lakegate.engine.protocol;

/** Decides who a request is; throws a {@link ClickHouseException} (REQUIRED_PASSWORD, AUTHENTICATION_FAILED) if no one. */
@FunctionalInterface
public interface Authenticator<P> {
    P authenticate(Credentials credentials, String remoteAddress);
}
