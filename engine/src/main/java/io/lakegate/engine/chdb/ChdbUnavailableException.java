package io.lakegate.engine.chdb;

/** The embedded engine cannot be loaded or started; the message says what to install or set. */
public class ChdbUnavailableException extends RuntimeException {
    public ChdbUnavailableException(String message) {
        super(message);
    }

    public ChdbUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
