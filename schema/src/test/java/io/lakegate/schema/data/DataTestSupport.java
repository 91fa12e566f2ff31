package io.lakegate.schema.data;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.SchemaTestSupport;

import java.util.List;

import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.target;
import static io.lakegate.schema.SchemaTestSupport.value;

/** A fresh, updated database per test on the test ClickHouse, reached through the JDBC driver like every command. */
final class DataTestSupport {
    private DataTestSupport() {
    }

    /** A new database with the changelogs applied. */
    static SchemaSettings freshSchema(String purpose) {
        SchemaSettings settings = SchemaTestSupport.freshDatabase(purpose);
        try (ClickHouseTarget target = target()) {
            new SchemaManager(target, settings).update();
        }
        return settings;
    }

    static long count(String sql) {
        return Long.parseLong(value(sql));
    }

    /** An order-independent checksum of a table's stored (not materialized, not ingestion-time) columns. */
    static String checksum(String database, String table) {
        List<String> columns = rows("SELECT name FROM system.columns WHERE database = '" + database + "' AND table = '"
                + table + "' AND default_kind != 'MATERIALIZED' AND name != 'ingested_at' ORDER BY position")
                .stream().map(r -> "`" + r.get(0) + "`").toList();
        return value("SELECT concat(toString(count()), ':', toString(groupBitXor(cityHash64(" + String.join(", ", columns)
                + ")))) FROM `" + database + "`.`" + table + "`");
    }
}
