package io.lakegate.schema;

/** A schema operation failed; the message says what ClickHouse or Liquibase reported. */
public class SchemaException extends RuntimeException {
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
