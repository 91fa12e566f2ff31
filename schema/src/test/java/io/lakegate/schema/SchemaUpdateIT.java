package io.lakegate.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaUpdateIT {
    @Test
    void freshApplyThenNothingToDo() {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("fresh");
        SchemaManager schema = new SchemaManager(SchemaTestSupport.target(), settings);
        SchemaManager.UpdateResult first = schema.update();
        assertThat(first.changeSetsApplied()).isGreaterThan(15);
        List<List<String>> tables = rows("SELECT name, engine FROM system.tables WHERE database = '"
                + settings.database() + "' ORDER BY name");
        assertThat(tables).extracting(r -> r.get(0)).contains("entity_operations", "current_entities",
                "current_entities_mv", "workflow_executions", "workflow_phases", "workflow_tasks",
                "workflow_cancellations", "workflow_contexts", "journey_sessions", "journey_events", "portal_sessions",
                "portal_events", "lakegate_orgs", "tenant_entity_operations", "tenant_portal_events_final",
                "databasechangelog").doesNotContain("databasechangeloglock");
        String dates = value("SELECT uniqExact(DATEEXECUTED) > 1 FROM `" + settings.database() + "`.databasechangelog");
        assertThat(dates).isEqualTo("1");
        SchemaManager.UpdateResult second = schema.update();
        assertThat(second.changeSetsApplied()).isZero();
        assertThat(value("SELECT count() FROM `" + settings.database() + "`.databasechangelog"))
                .isEqualTo(String.valueOf(first.changeSetsApplied()));
        assertThat(schema.status()).allMatch(SchemaManager.Status::ran);
    }
}
