package io.lakegate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/** Where the schema's writes go: run on the connection, or handed to a sink instead (for {@code update-sql}). */
public final class SchemaWrites {
    private final Connection connection;
    private final Consumer<String> sink;

    /** @param sink receives every statement instead of it being executed, or null to execute */
    public SchemaWrites(Connection connection, Consumer<String> sink) {
        this.connection = connection;
        this.sink = sink;
    }

    public void execute(String sql) throws SQLException {
        if (sink != null) {
            sink.accept(sql);
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
