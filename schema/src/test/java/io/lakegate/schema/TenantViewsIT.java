package io.lakegate.schema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.lakegate.schema.SchemaTestSupport.execute;
import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.target;
import static io.lakegate.schema.SchemaTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant views on known sample rows: org isolation, deduplication, parsed columns, the reference queries. */
class TenantViewsIT {
    private static String db;

    @BeforeAll
    static void sampleData() throws Exception {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("views");
        db = settings.database();
        new SchemaManager(target(), settings).update();
        try (Connection c = target().connect(db)) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId("100"), new OrgId("200")));
        }
        String ops = "INSERT INTO `" + db + "`.entity_operations (activity_id, entity_id, org_id, operation, schema, "
                + "timestamp, detail) VALUES ";
        execute(ops + String.join(",",
                op("a1", "e1", "100", "createEntity", "opportunity", "2024-01-10 10:00:00", payload("e1", "Opp 1",
                        "Wallbox", "[\"hot\",\"b2c\"]", "2024-01-10T10:00:00.123Z")),
                op("a2", "e2", "100", "createEntity", "opportunity", "2024-01-11 10:00:00", payload("e2", "Opp 2",
                        "Wallbox", "[]", "2024-01-11T10:00:00Z")),
                op("a3", "e3", "100", "createEntity", "opportunity", "2024-02-01 09:00:00", payload("e3", null,
                        "Energieausweis", "[]", "not a date")),
                op("a4", "e1", "100", "updateEntity", "opportunity", "2024-02-02 09:00:00", payload("e1", "Opp 1 v2",
                        "Wallbox", "[\"hot\"]", "2024-01-10T10:00:00.123Z")),
                op("a5", "e2", "100", "deleteEntity", "opportunity", "2024-02-03 09:00:00", payload("e2", "Opp 2",
                        "Wallbox", "[]", "2024-01-11T10:00:00Z")),
                op("a6", "c1", "100", "createEntity", "contact", "2024-02-04 09:00:00", "{not json"),
                // org 200 reuses the same ids and values: it must never show up in org 100's views
                op("a1", "e1", "200", "createEntity", "opportunity", "2024-01-10 10:00:00", payload("e1", "Other",
                        "Wallbox", "[]", "2024-01-10T10:00:00Z"))));
        // a re-delivered event must not count twice
        execute(ops + op("a1", "e1", "100", "createEntity", "opportunity", "2024-01-10 10:00:00", payload("e1",
                "Opp 1", "Wallbox", "[\"hot\",\"b2c\"]", "2024-01-10T10:00:00.123Z")));
        execute("INSERT INTO `" + db + "`.journey_sessions (id, org_id, journey_id, start_time, end_time, details, "
                + "last_updated_at) VALUES "
                + "('s1', '100', 'j1', '2024-08-02 10:00:00', NULL, '{\"deviceType\":\"Desktop\",\"osType\":\"Windows 10\","
                + "\"colorDepth\":24,\"isLauncherJourney\":true,\"languagePreference\":\"de-DE\"}', '2024-08-02 10:00:00'),"
                + "('s1', '100', 'j1', '2024-08-02 10:00:00', '2024-08-02 10:05:00', '{\"deviceType\":\"Desktop\","
                + "\"osType\":\"Windows 10\",\"colorDepth\":24,\"isLauncherJourney\":true}', '2024-08-02 10:05:00'),"
                + "('s2', '100', 'j1', '2024-07-30 10:00:00', NULL, NULL, '2024-07-30 10:00:00'),"
                + "('s3', '100', 'j1', '2024-08-03 10:00:00', NULL, 'garbage', '2024-08-03 10:00:00'),"
                + "('s9', '200', 'j1', '2024-08-05 10:00:00', NULL, '{}', '2024-08-05 10:00:00')");
        execute("INSERT INTO `" + db + "`.journey_events (id, org_id, session_id, journey_id, type, details, created_at) "
                + "VALUES ('ev1', '100', 's1', 'j1', 'step_navigation', '{\"fromStepName\":\"Start\",\"fromStepNumber\":1,"
                + "\"toStepName\":\"Address\",\"toStepNumber\":2}', '2024-08-02 10:01:00'),"
                + "('ev2', '100', 's1', 'j1', 'journey_load_time', '{\"loadTime\":812.5}', '2024-08-02 10:00:01'),"
                + "('ev3', '100', 's1', 'j1', 'journey_exit', '{\"stepNumber\":\"2\",\"stepName\":\"Address\"}', "
                + "'2024-08-02 10:04:00')");
        execute("INSERT INTO `" + db + "`.portal_events (id, org_id, session_id, app_name, type, details, created_at) "
                + "VALUES ('p1', '100', 'ps1', 'END_CUSTOMER_PORTAL', 'page_navigation', '{\"url\":\"https://p/x\","
                + "\"path\":\"/x\"}', '2024-08-02 10:00:00'), ('p2', '100', 'ps1', 'END_CUSTOMER_PORTAL', "
                + "'contract_viewed', '{\"entityId\":\"k1\",\"entitySchema\":\"contract\"}', '2024-08-02 10:01:00')");
        execute("INSERT INTO `" + db + "`.workflow_executions (org_id, id, name, status, definition_id, assigned_to, "
                + "created_at, last_updated_at) VALUES ('100', 'w1', 'Install', 'STARTED', 'd1', [], "
                + "'2024-01-01 00:00:00', '2024-01-01 00:00:00'), ('100', 'w1', 'Install', 'DONE', 'd1', [], "
                + "'2024-01-01 00:00:00', '2024-01-05 00:00:00')");
    }

    private static String op(String activity, String entity, String org, String operation, String schema, String ts,
                             String detail) {
        return "('" + activity + "', '" + entity + "', '" + org + "', '" + operation + "', '" + schema + "', '" + ts
                + "', '" + detail.replace("'", "\\'") + "')";
    }

    private static String payload(String id, String title, String source, String tags, String createdAt) {
        return "{\"entity\":\"" + id + "\",\"payload\":{\"_id\":\"" + id + "\",\"_schema\":\"opportunity\",\"_title\":"
                + (title == null ? "null" : "\"" + title + "\"") + ",\"_tags\":" + tags + ",\"_created_at\":\""
                + createdAt + "\",\"source\":{\"title\":\"" + source + "\"}}}";
    }

    private static String q(String sql) {
        return sql.replace("{db}", "`" + db + "`");
    }

    @Test
    void orgViewsRunAsTheAccountThatMadeThemSoATenantAccountNeedsNoRightOnTheTablesUnderThem() {
        List<List<String>> views = rows("SELECT name, create_table_query FROM system.tables WHERE database = '" + db
                + "' AND startsWith(name, '100_')");
        assertThat(views).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(v -> assertThat(v.get(1)).as(v.get(0)).contains(OrgProvisioner.VIEW_SECURITY));
    }

    @Test
    void referenceEntityQueryCountsJourneySourcesPerMonth() {
        List<List<String>> result = rows(q("SELECT count(*) AS count, "
                + "JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source, "
                + "toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month "
                + "FROM {db}.`100_entity_operations` WHERE schema = 'opportunity' AND operation = 'createEntity' "
                + "GROUP BY journey_source, year, month ORDER BY month, journey_source"));
        assertThat(result).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(3).substring(0, 10))
                .containsExactly("2 Wallbox 2024-01-01", "1 Energieausweis 2024-02-01");
    }

    @Test
    void eachOrgSeesOnlyItsOwnRows() {
        assertThat(value(q("SELECT count() FROM {db}.`100_entity_operations`"))).isEqualTo("6");
        assertThat(value(q("SELECT count() FROM {db}.`200_entity_operations`"))).isEqualTo("1");
        assertThat(value(q("SELECT groupUniqArray(org_id) FROM {db}.`200_entity_operations`"))).isEqualTo("['200']");
        assertThat(value(q("SELECT count() FROM {db}.`200_journey_sessions_final`"))).isEqualTo("1");
        assertThat(value(q("SELECT count() FROM {db}.`200_workflow_executions_final`"))).isEqualTo("0");
    }

    @Test
    void currentEntitiesShowTheLatestStateWithoutDeletedEntities() {
        List<List<String>> current = rows(q("SELECT entity_id, operation, _title FROM "
                + "{db}.`100_current_entities_final` ORDER BY entity_id"));
        assertThat(current).extracting(r -> String.join("|", r.stream().map(String::valueOf).toList()))
                .containsExactly("c1|createEntity|null", "e1|updateEntity|Opp 1 v2", "e3|createEntity|null");
    }

    @Test
    void parsedEntityColumnsHaveRealTypesAndNullForAbsentOrMalformed() {
        Map<String, String> types = rows("SELECT name, type FROM system.columns WHERE database = '" + db
                + "' AND table = '100_entity_operations'").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertThat(types).containsEntry("_id", "Nullable(String)").containsEntry("_title", "Nullable(String)")
                .containsEntry("_tags", "Array(String)").containsEntry("timestamp", "DateTime64(3, 'UTC')")
                .containsEntry("_created_at", "Nullable(DateTime64(3, 'UTC'))")
                .containsEntry("_updated_at", "Nullable(DateTime64(3, 'UTC'))")
                .containsEntry("source_title", "Nullable(String)").containsKey("detail");
        List<String> e1 = rows(q("SELECT _id, _title, toString(_tags), toString(_created_at), source_title, "
                + "toString(_updated_at) FROM {db}.`100_entity_operations` WHERE activity_id = 'a1'")).get(0);
        assertThat(e1).containsExactly("e1", "Opp 1", "['hot','b2c']", "2024-01-10 10:00:00.123", "Wallbox", null);
        List<String> e3 = rows(q("SELECT _title, _created_at FROM {db}.`100_entity_operations` "
                + "WHERE activity_id = 'a3'")).get(0);
        assertThat(e3).containsExactly(null, null);
        List<String> broken = rows(q("SELECT _id, _title, toString(_tags), _created_at FROM "
                + "{db}.`100_entity_operations` WHERE activity_id = 'a6'")).get(0);
        assertThat(broken).containsExactly(null, null, "[]", null);
    }

    @Test
    void journeySessionsAreDeduplicatedAndParsed() {
        assertThat(rows(q("SELECT journey_id, start_time, details FROM {db}.`100_journey_sessions_final` "
                + "WHERE journey_id = 'j1' AND start_time > '2024-08-01 00:00:00' ORDER BY start_time")))
                .hasSize(2);
        List<String> s1 = rows(q("SELECT device_type, os_type, color_depth, is_launcher_journey, "
                + "language_preference, toString(end_time) FROM {db}.`100_journey_sessions_final` WHERE id = 's1'"))
                .get(0);
        assertThat(s1).containsExactly("Desktop", "Windows 10", "24", "true", null, "2024-08-02 10:05:00.000");
        assertThat(rows(q("SELECT device_type, color_depth, is_launcher_journey FROM "
                + "{db}.`100_journey_sessions_final` WHERE id IN ('s2', 's3')"))).allSatisfy(r ->
                assertThat(r).containsOnlyNulls());
        Map<String, String> types = rows("SELECT name, type FROM system.columns WHERE database = '" + db
                + "' AND table = '100_journey_sessions_final'").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertThat(types).containsEntry("color_depth", "Nullable(Int32)")
                .containsEntry("is_launcher_journey", "Nullable(Bool)").containsEntry("details", "Nullable(String)");
    }

    @Test
    void journeyAndPortalEventsAreParsed() {
        assertThat(rows(q("SELECT from_step_name, from_step_number, to_step_name, to_step_number FROM "
                + "{db}.`100_journey_events_final` WHERE id = 'ev1'")).get(0))
                .containsExactly("Start", "1", "Address", "2");
        assertThat(value(q("SELECT load_time_ms FROM {db}.`100_journey_events_final` WHERE id = 'ev2'")))
                .isEqualTo("812.5");
        assertThat(rows(q("SELECT step_number, step_name FROM {db}.`100_journey_events_final` WHERE id = 'ev3'"))
                .get(0)).containsExactly("2", "Address");
        assertThat(rows(q("SELECT page_path, entity_id, entity_schema FROM {db}.`100_portal_events_final` "
                + "ORDER BY created_at"))).containsExactly(java.util.Arrays.asList("/x", null, null),
                java.util.Arrays.asList(null, "k1", "contract"));
    }

    @Test
    void workflowSnapshotsKeepTheLatestRow() {
        assertThat(rows(q("SELECT status, count() FROM {db}.`100_workflow_executions_final` GROUP BY status")))
                .containsExactly(List.of("DONE", "1"));
    }

    @Test
    void orgProvisioningIsIdempotentAndRemovable() throws Exception {
        SchemaSettings settings = SchemaSettings.defaults().withDatabase(db);
        try (Connection c = target().connect(db)) {
            OrgProvisioner orgs = new OrgProvisioner(c, settings, null);
            assertThat(orgs.add(List.of(new OrgId("100"), new OrgId("300")))).isEqualTo(1);
            assertThat(orgs.list()).extracting(OrgProvisioner.Org::orgId).containsExactly("100", "200", "300");
            assertThat(orgs.list()).allMatch(OrgProvisioner.Org::current);
            assertThat(orgs.remove(new OrgId("300"))).isTrue();
            assertThat(orgs.remove(new OrgId("300"))).isFalse();
            assertThat(orgs.list()).extracting(OrgProvisioner.Org::orgId).containsExactly("100", "200");
            assertThat(value("SELECT count() FROM system.tables WHERE database = '" + db
                    + "' AND startsWith(name, '300_')")).isEqualTo("0");
            assertThat(value("SELECT count() FROM system.tables WHERE database = '" + db
                    + "' AND startsWith(name, '100_')")).isEqualTo("12");
        }
    }

    @Test
    void changedDefinitionsUpgradeEveryOrgOnUpdate() throws Exception {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("upgrade");
        String udb = settings.database();
        new SchemaManager(target(), settings).update();
        try (Connection c = target().connect(udb)) {
            OrgProvisioner orgs = new OrgProvisioner(c, settings, null);
            orgs.add(List.of(new OrgId("7")));
            // a definition changes (as a new changelog version would change it)
            execute("CREATE OR REPLACE VIEW `" + udb + "`.tenant_workflow_contexts_final AS SELECT org_id, "
                    + "workflow_execution_id FROM `" + udb + "`.workflow_contexts FINAL WHERE org_id = {org_id:String}");
            assertThat(orgs.list()).noneMatch(OrgProvisioner.Org::current);
            assertThat(orgs.upgradeAll()).isEqualTo(1);
            assertThat(orgs.list()).allMatch(OrgProvisioner.Org::current);
            assertThat(value("SELECT count() FROM system.columns WHERE database = '" + udb
                    + "' AND table = '7_workflow_contexts_final'")).isEqualTo("2");
        }
    }
}
