package io.lakegate.engine.protocol;

/** A user name and password as a client presented them (Basic auth, X-ClickHouse-User/Key, or URL parameters). */
public record Credentials(String user, String password) {
    public static final Credentials DEFAULT_USER = new Credentials("default", "");

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
