package io.lakegate.proxy.admin;

/** A request the admin API refuses: its HTTP status and what is wrong, for the JSON error body. */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
