package io.lakegate.schema.data;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.SchemaTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.target;
import static io.lakegate.schema.data.DataTestSupport.checksum;
import static io.lakegate.schema.data.DataTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated data on the real engine: consistent across datasets, realistic, deterministic. */
class DataGeneratorIT {
    private static final String ORG = "16581729";
    private static final String UUID_ORG = "0b7f1e7e-4a43-4c1b-9b8a-6a1f3c2d1e00";
    private static String db;
    private static DataGenerator.Result result;

    @BeforeAll
    static void generate() throws Exception {
        SchemaSettings schema = DataTestSupport.freshSchema("gen");
        db = "`" + schema.database() + "`";
        try (ClickHouseTarget target = target()) {
            result = new DataGenerator(target, schema, settings(List.of(ORG, UUID_ORG), 0.2, 7)).run();
        }
    }

    private static GeneratorSettings settings(List<String> orgs, double scale, long seed) {
        return new GeneratorSettings(orgs.stream().map(OrgId::new).toList(), scale, seed,
                GeneratorSettings.DEFAULT_FROM, GeneratorSettings.DEFAULT_TO, 2);
    }

    @Test
    void everyTableGetsRowsAndTheResultCountsThem() {
        assertThat(result.orgsProvisioned()).isEqualTo(2);
        for (String table : DataGenerator.TABLES) {
            long stored = count("SELECT count() FROM " + db + "." + table);
            // snapshot tables get several versions of a row, which merges may already have folded
            assertThat(stored).as(table).isPositive().isLessThanOrEqualTo(result.rowsPerTable().get(table));
        }
        for (String events : List.of("entity_operations", "journey_events", "portal_events")) {
            assertThat(count("SELECT count() FROM " + db + "." + events)).as(events)
                    .isEqualTo(result.rowsPerTable().get(events));
        }
        assertThat(result.rows()).isBetween(30_000L, 60_000L);
        // the orgs are provisioned: their views show their rows
        assertThat(count("SELECT count() FROM " + db + ".`" + ORG + "_workflow_tasks_final`")).isPositive();
        assertThat(count("SELECT count() FROM " + db + ".`" + UUID_ORG + "_portal_events_final`")).isPositive();
    }

    @Test
    void everyTaskBelongsToAnExistingPhaseOfAnExistingExecution() {
        assertThat(count("SELECT count() FROM " + db + ".workflow_tasks FINAL")).isGreaterThan(1000);
        assertThat(count("SELECT count() FROM " + db + ".workflow_tasks AS t FINAL LEFT ANTI JOIN (SELECT org_id, id, "
                + "workflow_execution_id, name FROM " + db + ".workflow_phases FINAL) AS p ON t.org_id = p.org_id AND "
                + "t.phase_id = p.id AND t.workflow_execution_id = p.workflow_execution_id AND t.phase_name = p.name"))
                .isZero();
        assertThat(count("SELECT count() FROM " + db + ".workflow_phases AS p FINAL LEFT ANTI JOIN (SELECT org_id, id "
                + "FROM " + db + ".workflow_executions FINAL) AS e ON p.org_id = e.org_id AND "
                + "p.workflow_execution_id = e.id")).isZero();
        assertThat(count("SELECT count() FROM " + db + ".workflow_tasks AS t FINAL LEFT ANTI JOIN (SELECT org_id, id "
                + "FROM " + db + ".workflow_executions FINAL) AS e ON t.org_id = e.org_id AND "
                + "t.workflow_execution_id = e.id")).isZero();
        // phase positions are 1..n per execution
        assertThat(count("SELECT count() FROM (SELECT workflow_execution_id, arraySort(groupArray(toUInt64(position))) AS p FROM "
                + db + ".workflow_phases FINAL GROUP BY org_id, workflow_execution_id) WHERE p != range(1, "
                + "length(p) + 1)")).isZero();
    }

    @Test
    void contextsAndTasksReferenceExistingEntitiesOfTheirSchema() {
        assertThat(count("SELECT count() FROM " + db + ".workflow_contexts FINAL")).isPositive();
        assertThat(count("SELECT count() FROM " + db + ".workflow_contexts AS c FINAL LEFT ANTI JOIN (SELECT org_id, "
                + "entity_id, schema, _title FROM " + db + ".entity_operations WHERE operation = 'createEntity') AS e "
                + "ON c.org_id = e.org_id AND c.context_entity_id = e.entity_id AND c.context_entity_schema = e.schema "
                + "AND c.context_entity_title = e._title")).isZero();
        assertThat(count("SELECT count() FROM " + db + ".workflow_tasks AS t FINAL LEFT ANTI JOIN (SELECT org_id, "
                + "entity_id FROM " + db + ".entity_operations) AS e ON t.org_id = e.org_id AND "
                + "t.entity_ref_id = e.entity_id")).isZero();
        // every execution works on at least one entity
        assertThat(count("SELECT count() FROM " + db + ".workflow_executions AS e FINAL LEFT ANTI JOIN " + db
                + ".workflow_contexts AS c ON e.org_id = c.org_id AND e.id = c.workflow_execution_id")).isZero();
    }

    @Test
    void cancellationsExactlyForClosedExecutions() {
        assertThat(count("SELECT countIf(status = 'CLOSED') FROM " + db + ".workflow_executions FINAL")).isPositive();
        assertThat(count("SELECT count() FROM " + db + ".workflow_cancellations AS c FINAL LEFT ANTI JOIN (SELECT "
                + "org_id, id FROM " + db + ".workflow_executions FINAL WHERE status = 'CLOSED') AS e ON "
                + "c.org_id = e.org_id AND c.workflow_execution_id = e.id")).isZero();
        assertThat(count("SELECT count() FROM (SELECT org_id, id FROM " + db + ".workflow_executions FINAL WHERE "
                + "status = 'CLOSED') AS e LEFT ANTI JOIN " + db + ".workflow_cancellations AS c ON "
                + "c.org_id = e.org_id AND c.workflow_execution_id = e.id")).isZero();
    }

    @Test
    void statusesAgreeWithTheirTimes() {
        Map<String, Long> statuses = rows("SELECT status, count() FROM " + db + ".workflow_executions FINAL GROUP BY "
                + "status").stream().collect(Collectors.toMap(r -> r.get(0), r -> Long.parseLong(r.get(1))));
        assertThat(statuses).containsOnlyKeys("STARTED", "DONE", "CLOSED");
        assertThat(count("SELECT count() FROM " + db + ".workflow_executions FINAL WHERE started_at IS NULL OR "
                + "started_at < created_at OR last_updated_at < started_at "
                + "OR (status = 'STARTED' AND completed_at IS NOT NULL) "
                + "OR (status IN ('DONE', 'CLOSED') AND (completed_at IS NULL OR completed_at < started_at "
                + "OR last_updated_at < completed_at))")).isZero();
        assertThat(rows("SELECT DISTINCT status FROM " + db + ".workflow_phases FINAL").stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrder("OPEN", "IN_PROGRESS", "COMPLETED");
        assertThat(count("SELECT count() FROM " + db + ".workflow_phases FINAL WHERE "
                + "(status = 'OPEN' AND (started_at IS NOT NULL OR completed_at IS NOT NULL)) "
                + "OR (status = 'IN_PROGRESS' AND (started_at IS NULL OR completed_at IS NOT NULL)) "
                + "OR (status = 'COMPLETED' AND (started_at IS NULL OR completed_at IS NULL "
                + "OR completed_at < started_at))")).isZero();
        assertThat(rows("SELECT DISTINCT status FROM " + db + ".workflow_tasks FINAL").stream().map(r -> r.get(0)))
                .contains("PENDING", "IN_PROGRESS", "COMPLETED", "SKIPPED", "ON_HOLD");
        assertThat(count("SELECT count() FROM " + db + ".workflow_tasks FINAL WHERE "
                + "(status IN ('PENDING', 'SCHEDULED', 'CONDITION_PENDING') AND (started_at IS NOT NULL "
                + "OR completed_at IS NOT NULL)) "
                + "OR (status IN ('IN_PROGRESS', 'ON_HOLD', 'WAITING_FOR_CONFIRMATION', 'FAILED') AND "
                + "(started_at IS NULL OR completed_at IS NOT NULL OR assigned_to_in_progress = '')) "
                + "OR (status = 'COMPLETED' AND (started_at IS NULL OR completed_at IS NULL OR completed_at < started_at)) "
                + "OR (status = 'SKIPPED' AND completed_at IS NULL) "
                + "OR (status = 'ON_HOLD' AND assigned_to_on_hold = '') "
                + "OR last_updated_at < created_at")).isZero();
        // a DONE execution has every phase completed; a STARTED or CLOSED one has not
        assertThat(count("SELECT count() FROM " + db + ".workflow_executions AS e FINAL JOIN (SELECT org_id, "
                + "workflow_execution_id, countIf(status != 'COMPLETED') AS unfinished FROM " + db
                + ".workflow_phases FINAL GROUP BY org_id, workflow_execution_id) AS p ON e.org_id = p.org_id AND "
                + "e.id = p.workflow_execution_id WHERE (e.status = 'DONE') != (p.unfinished = 0)")).isZero();
    }

    @Test
    void entityHistoriesAreCreateUpdatesThenMaybeDeleteInTimeOrder() {
        assertThat(rows("SELECT DISTINCT schema FROM " + db + ".entity_operations").stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrder("opportunity", "contact", "account", "order", "product", "contract",
                        "meter", "file");
        assertThat(rows("SELECT DISTINCT operation FROM " + db + ".entity_operations").stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrder("createEntity", "updateEntity", "deleteEntity");
        assertThat(count("SELECT count() FROM (SELECT org_id, entity_id FROM " + db + ".entity_operations FINAL "
                + "GROUP BY org_id, entity_id HAVING argMin(operation, timestamp) != 'createEntity' "
                + "OR countIf(operation = 'createEntity') != 1 OR countIf(operation = 'deleteEntity') > 1 "
                + "OR (countIf(operation = 'deleteEntity') = 1 AND argMax(operation, timestamp) != 'deleteEntity') "
                + "OR uniqExact(timestamp) != count() "
                + "OR argMax(activity_id, timestamp) != max(activity_id))")).isZero();
        // payload system attributes agree with the row; _updated_at is the operation's time; ids are ULIDs
        assertThat(count("SELECT count() FROM " + db + ".entity_operations WHERE _id != entity_id OR _org != org_id "
                + "OR _schema != schema OR _title IS NULL OR _created_at IS NULL OR _updated_at != timestamp "
                + "OR (operation = 'deleteEntity') != (_deleted_at IS NOT NULL) "
                + "OR NOT match(activity_id, '^[0-9A-HJKMNP-TV-Z]{26}$') "
                + "OR JSONExtractString(detail, 'activity_id') != activity_id "
                + "OR JSONExtractString(detail, 'payload', '_owners', 1, 'org_id') != org_id "
                + "OR JSONLength(detail, 'payload', '_acl', 'view') = 0 "
                + "OR NOT JSONHas(detail, 'diff', 'added') OR NOT JSONHas(detail, 'diff', 'updated')")).isZero();
        assertThat(count("SELECT count() FROM " + db + ".entity_operations WHERE operation = 'updateEntity' AND "
                + "JSONLength(detail, 'diff', 'updated') = 0 AND JSONLength(detail, 'diff', 'deleted') = 0")).isZero();
        // the latest-state table shows exactly the entities that were not deleted
        assertThat(count("SELECT count() FROM " + db + ".`" + ORG + "_current_entities_final`")).isEqualTo(
                count("SELECT uniqExact(entity_id) - uniqExactIf(entity_id, operation = 'deleteEntity') FROM " + db
                        + ".entity_operations WHERE org_id = '" + ORG + "'"));
    }

    @Test
    void theReferenceQueryCountsOpportunitiesPerJourneySource() {
        List<List<String>> rows = rows("SELECT count(*) AS count, "
                + "JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source, "
                + "toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month "
                + "FROM " + db + ".`" + ORG + "_entity_operations` "
                + "WHERE schema = 'opportunity' AND operation = 'createEntity' GROUP BY journey_source, year, month");
        Map<String, Long> perSource = rows.stream().collect(Collectors.groupingBy(r -> r.get(1),
                Collectors.summingLong(r -> Long.parseLong(r.get(0)))));
        assertThat(perSource.keySet()).contains("Wallbox", "Energieausweis", "Photovoltaik", "Wärmepumpe");
        assertThat(perSource.values()).allMatch(n -> n > 0);
        assertThat(rows.stream().map(r -> r.get(3)).distinct().count()).as("months").isGreaterThanOrEqualTo(10);
    }

    @Test
    void journeySessionsAreFunnelsWithIncreasingSteps() {
        assertThat(count("SELECT count() FROM " + db + ".journey_sessions FINAL")).isGreaterThan(2000);
        String funnels = "SELECT session_id, any(journey_id) AS journey, "
                + "arraySort(x -> x.1, groupArray((created_at, type, to_step_number, from_step_number, step_number)))"
                + " AS e, arrayFilter(x -> x.2 = 'step_navigation', e) AS nav FROM " + db + ".journey_events FINAL "
                + "GROUP BY org_id, session_id";
        assertThat(count("SELECT count() FROM (" + funnels + ") WHERE e[1].2 != 'journey_load_time' "
                + "OR e[-1].2 NOT IN ('journey_exit', 'journey_submit') "
                + "OR arrayMap(x -> toUInt64(assumeNotNull(x.3)), nav) != range(2, length(nav) + 2) "
                + "OR arrayMap(x -> toUInt64(assumeNotNull(x.4)), nav) != range(1, length(nav) + 1) "
                + "OR e[-1].5 != length(nav) + 1 OR length(e) != length(nav) + 2")).isZero();
        // funnels narrow: fewer sessions reach step 3 than step 2, and some submit
        assertThat(count("SELECT countIf(to_step_number = 2) - countIf(to_step_number = 3) FROM " + db
                + ".journey_events FINAL")).isPositive();
        assertThat(count("SELECT countIf(type = 'journey_submit') FROM " + db + ".journey_events")).isPositive();
        // every event's session exists, with the same journey, and ends when its last event happened
        assertThat(count("SELECT count() FROM (SELECT org_id, session_id, any(journey_id) AS j, max(created_at) AS "
                + "last FROM " + db + ".journey_events FINAL GROUP BY org_id, session_id) AS e LEFT ANTI JOIN (SELECT "
                + "org_id, id, journey_id, end_time FROM " + db + ".journey_sessions FINAL) AS s ON "
                + "e.org_id = s.org_id AND e.session_id = s.id AND e.j = s.journey_id AND e.last = s.end_time"))
                .isZero();
        assertThat(count("SELECT count() FROM " + db + ".journey_sessions FINAL WHERE device_type IS NULL "
                + "OR os_type IS NULL OR browser_type_and_version IS NULL OR screen_resolution IS NULL "
                + "OR viewport_size IS NULL OR color_depth IS NULL OR language_preference IS NULL OR ip IS NULL "
                + "OR is_launcher_journey IS NULL OR NOT JSONHas(details, 'embeddedIn') OR end_time IS NULL "
                + "OR end_time < start_time")).isZero();
        assertThat(count("SELECT countIf(load_time_ms > 0) FROM " + db + ".journey_events WHERE "
                + "type = 'journey_load_time'")).isPositive();
    }

    @Test
    void portalEventsCoverAll38TypesWithTheParsedDetailKeys() {
        assertThat(rows("SELECT DISTINCT type FROM " + db + ".portal_events").stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrderElementsOf(PortalGenerator.EVENT_TYPES).hasSize(38);
        assertThat(rows("SELECT DISTINCT app_name FROM " + db + ".portal_sessions").stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrder("END_CUSTOMER_PORTAL", "INSTALLER_PORTAL");
        String events = "SELECT * FROM " + db + ".`" + ORG + "_portal_events_final`";
        assertThat(count("SELECT count() FROM (" + events + ") WHERE type = 'page_navigation' AND "
                + "(page_url IS NULL OR page_path IS NULL OR NOT endsWith(page_url, page_path))")).isZero();
        assertThat(count("SELECT count() FROM (" + events + ") WHERE (type LIKE 'contract%' OR type LIKE 'order_%' "
                + "OR type LIKE 'meter_%' OR type LIKE 'document_%' OR type IN ('opportunity_viewed', "
                + "'product_viewed')) AND type NOT LIKE '%listing_viewed' AND (entity_id IS NULL OR entity_schema IS "
                + "NULL)")).isZero();
        assertThat(count("SELECT count() FROM (" + events + ") WHERE type LIKE 'document_%' AND type != "
                + "'documents_listing_viewed' AND document_name IS NULL")).isZero();
        assertThat(count("SELECT count() FROM (" + events + ") WHERE type IN ('external_website_opened', "
                + "'teaser_opened') AND external_url IS NULL")).isZero();
        assertThat(count("SELECT count() FROM (" + events + ") WHERE type IN ('journey_opened', 'journey_closed') "
                + "AND journey_id IS NULL")).isZero();
        assertThat(count("SELECT count() FROM (" + events + ") WHERE type LIKE 'additional_info%' AND attribute IS "
                + "NULL")).isZero();
        // the entities they name exist, with that schema; the journeys are the org's journeys
        assertThat(count("SELECT count() FROM (" + events + ") AS p LEFT ANTI JOIN (SELECT entity_id, schema FROM "
                + db + ".entity_operations WHERE org_id = '" + ORG + "') AS e ON p.entity_id = e.entity_id AND "
                + "p.entity_schema = e.schema WHERE p.entity_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count() FROM (" + events + ") AS p LEFT ANTI JOIN (SELECT DISTINCT journey_id FROM "
                + db + ".journey_sessions WHERE org_id = '" + ORG + "') AS j ON p.journey_id = j.journey_id "
                + "WHERE p.journey_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count() FROM " + db + ".`" + ORG + "_portal_sessions_final` WHERE email IS NULL OR "
                + "domain_name IS NULL OR referrer IS NULL OR device_type IS NULL OR end_time < start_time")).isZero();
        // sessions start with a login (maybe after registering)
        assertThat(count("SELECT count() FROM (SELECT session_id, argMin(type, created_at) AS first FROM (" + events
                + ") GROUP BY session_id) WHERE first NOT IN ('user_logged_in', 'user_registered')")).isZero();
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws Exception {
        List<String> first = generateChecksums(5);
        assertThat(generateChecksums(5)).isEqualTo(first);
        List<String> other = generateChecksums(6);
        for (int i = 0; i < first.size(); i++) {
            assertThat(other.get(i)).as(DataGenerator.TABLES.get(i)).isNotEqualTo(first.get(i));
        }
        // re-running into the same database changes nothing the _final views show
    }

    private static List<String> generateChecksums(long seed) throws Exception {
        SchemaSettings schema = DataTestSupport.freshSchema("seed");
        try (ClickHouseTarget target = target()) {
            new DataGenerator(target, schema, settings(List.of("4711"), 0.02, seed)).run();
        }
        return DataGenerator.TABLES.stream().map(t -> checksum(schema.database(), t)).toList();
    }

    @Test
    void generatingTwiceShowsEveryRowOnce() throws Exception {
        SchemaSettings schema = DataTestSupport.freshSchema("twice");
        String d = "`" + schema.database() + "`";
        GeneratorSettings s = settings(List.of("4712"), 0.02, 3);
        try (ClickHouseTarget target = target()) {
            new DataGenerator(target, schema, s).run();
            long ops = count("SELECT count() FROM " + d + ".`4712_entity_operations`");
            long events = count("SELECT count() FROM " + d + ".`4712_portal_events_final`");
            new DataGenerator(target, schema, s).run();
            assertThat(count("SELECT count() FROM " + d + ".`4712_entity_operations`")).isEqualTo(ops);
            assertThat(count("SELECT count() FROM " + d + ".`4712_portal_events_final`")).isEqualTo(events);
        }
    }

    @Test
    void anUnpreparedDatabaseIsAClearError() {
        SchemaSettings empty = SchemaSettings.defaults().withDatabase("t_gen_empty_" + ProcessHandle.current().pid());
        SchemaTestSupport.execute("CREATE DATABASE IF NOT EXISTS " + empty.database());
        try (ClickHouseTarget target = target()) {
            assertThatThrownBy(() -> new DataGenerator(target, empty, settings(List.of("1"), 0.01, 1))
                    .run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has no table entity_operations")
                    .hasMessageContaining("run `lakegate schema update` first");
        }
    }
}
