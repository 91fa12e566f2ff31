package io.lakegate.schema;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.lakegate.schema.SchemaTestSupport.execute;
import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.target;
import static io.lakegate.schema.SchemaTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaWorkflowIT {
    @Test
    void aChangesetThatFailedHalfwayCompletesOnRerun() {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("partial");
        SchemaManager schema = new SchemaManager(target(), settings);
        schema.update();
        String db = settings.database();
        // As if the run died after creating the table but before recording the changeset, with a view half made.
        execute("ALTER TABLE `" + db + "`.databasechangelog DELETE WHERE ID IN ('workflow-phases-1', "
                + "'tenant-journey-events-final-1') SETTINGS mutations_sync = 2");
        execute("DROP VIEW `" + db + "`.tenant_journey_events_final");
        assertThat(schema.status()).filteredOn(s -> !s.ran()).hasSize(2);
        assertThat(schema.update().changeSetsApplied()).isEqualTo(2);
        assertThat(schema.status()).allMatch(SchemaManager.Status::ran);
        assertThat(value("SELECT count() FROM system.tables WHERE database = '" + db
                + "' AND name = 'tenant_journey_events_final'")).isEqualTo("1");
    }

    @Test
    void twoConcurrentUpdatesNeverApplyAChangeTwice() throws Exception {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SchemaManager.UpdateResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<SchemaManager.UpdateResult>)
                        () -> new SchemaManager(target(), settings).update()));
            }
            int applied = 0;
            for (Future<SchemaManager.UpdateResult> run : runs) {
                applied += run.get().changeSetsApplied();
            }
            String db = settings.database();
            long changesets = Long.parseLong(value("SELECT count() FROM `" + db + "`.databasechangelog"));
            assertThat(value("SELECT count() FROM (SELECT ID FROM `" + db + "`.databasechangelog GROUP BY ID "
                    + "HAVING count() > 1)")).isEqualTo("0");
            assertThat(applied).isEqualTo(changesets);
            assertThat(value("SELECT count() FROM system.tables WHERE database = '" + db
                    + "' AND name = 'databasechangeloglock'")).isEqualTo("0");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rollbackAndTag() {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("rollback");
        SchemaManager schema = new SchemaManager(target(), settings);
        schema.update();
        schema.tag("release-1");
        String db = settings.database();
        assertThat(value("SELECT TAG FROM `" + db + "`.databasechangelog ORDER BY ORDEREXECUTED DESC LIMIT 1"))
                .isEqualTo("release-1");
        schema.rollback(4);
        assertThat(schema.status()).filteredOn(s -> !s.ran()).extracting(SchemaManager.Status::id)
                .containsExactlyInAnyOrder("credentials-1", "entity-views-1", "limits-1", "audit-1");
        assertThat(value("SELECT count() FROM system.tables WHERE database = '" + db
                + "' AND name IN ('lakegate_credentials', 'lakegate_limits', 'lakegate_audit')")).isEqualTo("0");
        assertThat(schema.update().changeSetsApplied()).isEqualTo(4);
        assertThatThrownBy(() -> schema.rollback(0)).hasMessageContaining("--count");
    }

    @Test
    void driftIsFoundObjectByObject() throws Exception {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("drift");
        new SchemaManager(target(), settings).update();
        String db = settings.database();
        try (Connection c = target().connect(db)) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId("42")));
        }
        assertThat(new SchemaDrift(target(), settings).check()).isEmpty();
        execute("ALTER TABLE `" + db + "`.workflow_tasks ADD COLUMN sneaky String");
        execute("ALTER TABLE `" + db + "`.journey_events DROP INDEX idx_session");
        execute("CREATE VIEW `" + db + "`.hand_made AS SELECT 1");
        execute("DROP VIEW `" + db + "`.`42_portal_events_final`");
        List<SchemaDrift.Difference> drift = new SchemaDrift(target(), settings).check();
        assertThat(drift).extracting(SchemaDrift.Difference::toString).anySatisfy(d ->
                assertThat(d).startsWith("workflow_tasks: column not in the changelogs: sneaky String"));
        assertThat(drift).extracting(SchemaDrift.Difference::object)
                .contains("journey_events", "hand_made", "42_portal_events_final");
        assertThat(rows("SELECT name FROM system.databases WHERE startsWith(name, 'lakegate_drift_')")).isEmpty();
    }

    @Test
    void clusterModeMakesEveryDdlOnClusterWithReplicatedEngines() {
        SchemaSettings settings = new SchemaSettings(SchemaTestSupport.freshDatabase("cluster").database(),
                "lake_cluster", 90);
        String sql = new SchemaManager(target(), settings).updateSql();
        List<String> ddl = sql.lines().filter(l -> l.matches("(?i)^(CREATE|ALTER|DROP) .*")).toList();
        assertThat(ddl).isNotEmpty().allSatisfy(l -> assertThat(l).contains("ON CLUSTER `lake_cluster`"));
        assertThat(sql).contains("ENGINE = ReplicatedReplacingMergeTree(ingested_at)")
                .contains("ENGINE = ReplicatedMergeTree ORDER BY (FILENAME, AUTHOR, ID)")
                .contains("MODIFY TTL toDateTime(timestamp) + toIntervalDay(90)")
                .doesNotContain("ENGINE = ReplacingMergeTree");
        // nothing was changed
        assertThat(value("SELECT count() FROM system.databases WHERE name = '" + settings.database() + "'"))
                .isEqualTo("0");
    }

    @Test
    void unreachableClickHouseAndBadSettingsAreClearErrors() {
        ClickHouseTarget nowhere = ClickHouseTarget.remote("http://127.0.0.1:9", "default", "");
        assertThatThrownBy(() -> new SchemaManager(nowhere, SchemaSettings.defaults()).update())
                .hasMessageContaining("Cannot reach ClickHouse at http://127.0.0.1:9");
        assertThatThrownBy(() -> ClickHouseTarget.remote("localhost:8123", "default", ""))
                .hasMessageContaining("is not an HTTP URL");
        assertThatThrownBy(() -> new SchemaSettings("", "", 0)).hasMessageContaining("Invalid database name");
        assertThatThrownBy(() -> new SchemaSettings("x; DROP", "", 0)).hasMessageContaining("Invalid database name");
        assertThatThrownBy(() -> new SchemaSettings("dw", "c`x", 0)).hasMessageContaining("Invalid cluster name");
        assertThatThrownBy(() -> new SchemaSettings("dw", "", -1)).hasMessageContaining("--retention-days");
    }
}
