package io.lakegate.schema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.lakegate.schema.SchemaTestSupport.execute;
import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query in {@code examples/queries} runs against the real schema: the tenant table names it uses (as tenants
 * write them through the gateway, without the org prefix) are replaced by an org's views, and it runs on known sample
 * rows of every dataset, plainly and with the settings Power BI's ODBC driver adds. The reference queries return the
 * numbers the sample rows call for.
 */
class ExampleQueriesIT {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    static final Path QUERIES = EXAMPLES.resolve("queries");
    static final String ORG = "16581729";
    static final String OTHER_ORG = "200";
    static final String JOURNEY = "9e6f3c1a-2b4d-4e8f-a1c3-5d7e9f0b2c4d";

    /** The names tenants use; each is the org's view {@code {org}_<name>}. */
    static final List<String> TENANT_TABLES = List.of("entity_operations", "current_entities",
            "current_entities_final", "workflow_executions_final", "workflow_phases_final", "workflow_tasks_final",
            "workflow_cancellations_final", "workflow_contexts_final", "journey_sessions_final",
            "journey_events_final", "portal_sessions_final", "portal_events_final");

    /** A tenant table name standing alone: not part of a longer name, not already qualified or quoted. */
    private static final Pattern TENANT_TABLE = Pattern.compile("(?<![\\w`.\"])("
            + String.join("|", TENANT_TABLES.stream().sorted(Comparator.comparing(String::length).reversed())
            .toList()) + ")(?![\\w`\"])");

    private static String db;

    @BeforeAll
    static void sampleData() throws Exception {
        SchemaSettings settings = SchemaTestSupport.freshDatabase("examples");
        db = settings.database();
        new SchemaManager(target(), settings).update();
        try (Connection c = target().connect(db)) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId(ORG), new OrgId(OTHER_ORG)));
        }
        String ops = "INSERT INTO `" + db + "`.entity_operations (activity_id, entity_id, org_id, operation, schema, "
                + "timestamp, detail) VALUES ";
        execute(ops + String.join(",",
                op("a1", "e1", ORG, "createEntity", "opportunity", "2024-01-10 10:00:00", "Wallbox", "[\"hot\",\"b2c\"]"),
                op("a2", "e2", ORG, "createEntity", "opportunity", "2024-01-11 10:00:00", "Wallbox", "[]"),
                op("a3", "e3", ORG, "createEntity", "opportunity", "2024-02-01 09:00:00", "Energieausweis", "[\"hot\"]"),
                op("a4", "e4", ORG, "createEntity", "opportunity", "2024-02-05 09:00:00", null, "[]"),
                op("a5", "e1", ORG, "updateEntity", "opportunity", "2024-02-02 09:00:00", "Wallbox", "[\"hot\"]"),
                op("a6", "e2", ORG, "deleteEntity", "opportunity", "2024-02-03 09:00:00", "Wallbox", "[]"),
                op("a7", "c1", ORG, "createEntity", "contact", "2024-02-04 09:00:00", null, "[\"vip\"]"),
                op("b1", "x1", OTHER_ORG, "createEntity", "opportunity", "2024-01-10 10:00:00", "Wallbox", "[]")));
        // a re-delivered event counts once
        execute(ops + op("a1", "e1", ORG, "createEntity", "opportunity", "2024-01-10 10:00:00", "Wallbox",
                "[\"hot\",\"b2c\"]"));

        execute("INSERT INTO `" + db + "`.journey_sessions (id, org_id, journey_id, start_time, end_time, details, "
                + "last_updated_at) VALUES "
                + journeySession("s1", ORG, JOURNEY, "2024-08-02 10:00:00", null, "Desktop", "2024-08-02 10:00:00") + ","
                + journeySession("s1", ORG, JOURNEY, "2024-08-02 10:00:00", "2024-08-02 10:05:00", "Desktop",
                "2024-08-02 10:05:00") + ","
                + journeySession("s2", ORG, JOURNEY, "2024-07-30 10:00:00", null, "Desktop", "2024-07-30 10:00:00") + ","
                + journeySession("s3", ORG, JOURNEY, "2024-08-03 11:00:00", null, "Mobile", "2024-08-03 11:00:00") + ","
                + journeySession("s4", ORG, "another-journey", "2024-08-05 10:00:00", null, "Mobile",
                "2024-08-05 10:00:00") + ","
                + journeySession("s9", OTHER_ORG, JOURNEY, "2024-08-05 10:00:00", null, "Desktop",
                "2024-08-05 10:00:00"));
        // funnel: s1 goes all the way; s3 reaches step 2 and exits; s5 only loads; s6 reaches step 2 too late
        execute("INSERT INTO `" + db + "`.journey_events (id, org_id, session_id, journey_id, type, details, "
                + "created_at) VALUES "
                + event("v1", "s1", "journey_load_time", "{\"loadTime\":812.5}", "2024-08-02 10:00:01") + ","
                + event("v2", "s1", "step_navigation", nav(1, 2), "2024-08-02 10:01:00") + ","
                + event("v3", "s1", "step_navigation", nav(2, 3), "2024-08-02 10:02:00") + ","
                + event("v4", "s1", "journey_submit", null, "2024-08-02 10:03:00") + ","
                + event("v5", "s3", "journey_load_time", "{\"loadTime\":1500}", "2024-08-03 11:00:01") + ","
                + event("v6", "s3", "step_navigation", nav(1, 2), "2024-08-03 11:01:00") + ","
                + event("v7", "s3", "journey_exit", "{\"stepNumber\":2,\"stepName\":\"Address\"}",
                "2024-08-03 11:02:00") + ","
                + event("v8", "s5", "journey_load_time", "{\"loadTime\":640}", "2024-08-03 12:00:00") + ","
                + event("v9", "s6", "journey_load_time", "{\"loadTime\":700}", "2024-08-03 13:00:00") + ","
                + event("v10", "s6", "step_navigation", nav(1, 2), "2024-08-03 15:00:00"));

        execute("INSERT INTO `" + db + "`.workflow_executions (org_id, id, name, status, definition_id, assigned_to, "
                + "created_at, last_updated_at, started_at, completed_at) VALUES "
                + "('" + ORG + "', 'w1', 'Installation', 'STARTED', 'd1', [], '2024-03-01 08:00:00', "
                + "'2024-03-01 08:00:00', '2024-03-01 08:00:00', NULL), "
                + "('" + ORG + "', 'w1', 'Installation', 'DONE', 'd1', [], '2024-03-01 08:00:00', "
                + "'2024-03-03 08:00:00', '2024-03-01 08:00:00', '2024-03-03 08:00:00'), "
                + "('" + ORG + "', 'w2', 'Installation', 'STARTED', 'd1', ['u1'], '2024-03-10 08:00:00', "
                + "'2024-03-10 08:00:00', '2024-03-10 08:00:00', NULL), "
                + "('" + ORG + "', 'w3', 'Onboarding', 'CLOSED', 'd2', [], '2024-03-05 08:00:00', "
                + "'2024-03-06 08:00:00', '2024-03-05 08:00:00', NULL)");
        execute("INSERT INTO `" + db + "`.workflow_phases (org_id, id, workflow_execution_id, definition_id, position, "
                + "name, status, created_at, started_at, completed_at) VALUES "
                + "('" + ORG + "', 'p1', 'w1', 'd1', 1, 'Planning', 'COMPLETED', '2024-03-01 08:00:00', "
                + "'2024-03-01 08:00:00', '2024-03-02 08:00:00'), "
                + "('" + ORG + "', 'p2', 'w2', 'd1', 1, 'Planning', 'IN_PROGRESS', '2024-03-10 08:00:00', "
                + "'2024-03-10 08:00:00', NULL)");
        execute("INSERT INTO `" + db + "`.workflow_tasks (org_id, id, workflow_execution_id, phase_id, phase_name, "
                + "definition_id, entity_ref_id, position, name, status, execution_type, assigned_to, "
                + "assigned_to_in_progress, manually_created, enabled, due_date, created_at, started_at, completed_at, "
                + "last_updated_at) VALUES "
                + "('" + ORG + "', 't1', 'w1', 'p1', 'Planning', 'd1', 'e3', 1, 'Site visit', 'COMPLETED', 'MANUAL', "
                + "'u1', 'u1', false, true, NULL, '2024-03-01 08:00:00', '2024-03-01 09:00:00', "
                + "'2024-03-01 10:30:00', '2024-03-01 10:30:00'), "
                + "('" + ORG + "', 't2', 'w2', 'p2', 'Planning', 'd1', 'e1', 1, 'Order material', 'PENDING', 'MANUAL', "
                + "'u2', '', false, true, '2024-03-15 00:00:00', '2024-03-10 08:00:00', NULL, NULL, "
                + "'2024-03-10 08:00:00'), "
                + "('" + ORG + "', 't3', 'w2', 'p2', 'Planning', 'd1', 'e1', 2, 'Disabled step', 'PENDING', 'MANUAL', "
                + "'u2', '', false, false, '2024-03-15 00:00:00', '2024-03-10 08:00:00', NULL, NULL, "
                + "'2024-03-10 08:00:00')");
        execute("INSERT INTO `" + db + "`.workflow_cancellations (org_id, workflow_execution_id, closing_reason_id, "
                + "closing_reason_title) VALUES ('" + ORG + "', 'w3', 'r1', 'Customer withdrew')");
        execute("INSERT INTO `" + db + "`.workflow_contexts (org_id, workflow_execution_id, context_entity_id, "
                + "context_entity_schema) VALUES ('" + ORG + "', 'w1', 'e3', 'opportunity'), "
                + "('" + ORG + "', 'w2', 'e1', 'opportunity')");

        execute("INSERT INTO `" + db + "`.portal_sessions (id, org_id, app_name, start_time, end_time, details, "
                + "last_updated_at) VALUES ('ps1', '" + ORG + "', 'END_CUSTOMER_PORTAL', '2024-08-02 10:00:00', "
                + "'2024-08-02 10:30:00', '{\"deviceType\":\"Desktop\",\"email\":\"a@example.com\"}', "
                + "'2024-08-02 10:30:00'), ('ps2', '" + ORG + "', 'INSTALLER_PORTAL', '2024-08-02 11:00:00', NULL, "
                + "'{\"deviceType\":\"Mobile\",\"email\":\"b@example.com\"}', '2024-08-02 11:00:00')");
        execute("INSERT INTO `" + db + "`.portal_events (id, org_id, session_id, app_name, type, details, created_at) "
                + "VALUES ('pe1', '" + ORG + "', 'ps1', 'END_CUSTOMER_PORTAL', 'user_logged_in', '{}', "
                + "'2024-08-02 10:00:05'), ('pe2', '" + ORG + "', 'ps1', 'END_CUSTOMER_PORTAL', 'page_navigation', "
                + "'{\"url\":\"https://portal/x\",\"path\":\"/x\"}', '2024-08-02 10:01:00'), "
                + "('pe3', '" + ORG + "', 'ps2', 'INSTALLER_PORTAL', 'user_logged_in', '{}', '2024-08-02 11:00:05')");
    }

    private static String op(String activity, String entity, String org, String operation, String schema, String ts,
                             String source, String tags) {
        String detail = "{\"entity\":\"" + entity + "\",\"payload\":{\"_id\":\"" + entity + "\",\"_schema\":\""
                + schema + "\",\"_title\":\"" + entity + "\",\"_tags\":" + tags
                + (source == null ? "" : ",\"source\":{\"title\":\"" + source + "\"}") + "}}";
        return "('" + activity + "', '" + entity + "', '" + org + "', '" + operation + "', '" + schema + "', '" + ts
                + "', '" + detail + "')";
    }

    private static String journeySession(String id, String org, String journey, String start, String end,
                                         String device, String updated) {
        return "('" + id + "', '" + org + "', '" + journey + "', '" + start + "', " + (end == null ? "NULL"
                : "'" + end + "'") + ", '{\"deviceType\":\"" + device + "\"}', '" + updated + "')";
    }

    private static String event(String id, String session, String type, String details, String at) {
        return "('" + id + "', '" + ORG + "', '" + session + "', '" + JOURNEY + "', '" + type + "', "
                + (details == null ? "NULL" : "'" + details + "'") + ", '" + at + "')";
    }

    private static String nav(int from, int to) {
        return "{\"fromStepNumber\":" + from + ",\"toStepNumber\":" + to + "}";
    }

    static Stream<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(QUERIES)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList().stream();
        }
    }

    /** The query as the gateway would run it for {@code org}: each unprefixed tenant table becomes the org's view. */
    static String forOrg(String sql, String database, String org) {
        Matcher m = TENANT_TABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("`" + database + "`.`" + org + "_" + m.group(1) + "`"));
        }
        return m.appendTail(out).toString();
    }

    /** The statement without its comment lines and the trailing semicolon. */
    static String statement(Path file) {
        try {
            return Files.readString(file).lines().filter(line -> !line.strip().startsWith("--"))
                    .reduce((a, b) -> a + "\n" + b).orElse("").strip().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> run(String relativePath) {
        return rows(forOrg(statement(QUERIES.resolve(relativePath)), db, ORG));
    }

    @Test
    void tableNamesAreReplacedOnlyWhereTheyStandAlone() {
        assertThat(forOrg("SELECT workflow_execution_id FROM workflow_tasks_final AS t JOIN current_entities_final c "
                + "ON c.entity_id = t.entity_ref_id, current_entities, `entity_operations`, x.entity_operations, "
                + "my_entity_operations,entity_operations", "d", "7"))
                .isEqualTo("SELECT workflow_execution_id FROM `d`.`7_workflow_tasks_final` AS t JOIN "
                        + "`d`.`7_current_entities_final` c ON c.entity_id = t.entity_ref_id, `d`.`7_current_entities`, "
                        + "`entity_operations`, x.entity_operations, my_entity_operations,`d`.`7_entity_operations`");
    }

    @Test
    void theExamplesAreAllThereAndIndexed() throws IOException {
        List<Path> files = exampleFiles().toList();
        assertThat(files).extracting(p -> QUERIES.relativize(p).toString().replace('\\', '/'))
                .contains("reference/entity-operations-by-journey-source.sql",
                        "reference/journey-sessions-since-date.sql")
                .hasSizeGreaterThanOrEqualTo(15);
        String index = Files.readString(EXAMPLES.resolve("README.md"));
        assertThat(files).allSatisfy(f -> assertThat(index).as("examples/README.md lists every query")
                .contains(EXAMPLES.relativize(f).toString().replace('\\', '/')));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void runsOnTheOrgsViewsAndFindsTheSampleRows(Path file) throws IOException {
        String name = QUERIES.relativize(file).toString();
        assertThat(Files.readString(file)).as(name + " starts with a comment saying what it answers")
                .startsWith("-- ");
        String sql = statement(file);
        assertThat(sql).as(name + " is one SELECT, as the gateway accepts").matches("(?is)^(SELECT|WITH)\\b[^;]*$");
        String tenantSql = forOrg(sql, db, ORG);
        assertThat(tenantSql).as(name + " reads tenant tables").contains("`" + ORG + "_");
        assertThat(rows(tenantSql)).as(name + " finds the sample rows").isNotEmpty();
        // Power BI's ODBC driver adds these settings to every query
        assertThat(rows(tenantSql + "\nSETTINGS cast_keep_nullable = 1, prefer_column_name_to_alias = 1"))
                .as(name + " with Power BI's settings").isNotEmpty();
    }

    @Test
    void referenceEntityQueryCountsOpportunitiesPerJourneySourceAndMonth() {
        assertThat(run("reference/entity-operations-by-journey-source.sql"))
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2).substring(0, 10) + " "
                        + r.get(3).substring(0, 10))
                .containsExactlyInAnyOrder("2 Wallbox 2024-01-01 2024-01-01", "1 Energieausweis 2024-01-01 2024-02-01",
                        "1  2024-01-01 2024-02-01");
        assertThat(run("reports/entities-opportunities-per-journey-source.sql"))
                .extracting(r -> r.get(0).substring(0, 10) + " " + r.get(1) + " " + r.get(2))
                .containsExactly("2024-01-01 Wallbox 2", "2024-02-01 (no journey) 1", "2024-02-01 Energieausweis 1");
    }

    @Test
    void referenceSessionQueryFindsTheJourneysSessionsAfterTheDate() {
        assertThat(run("reference/journey-sessions-since-date.sql"))
                .extracting(r -> r.get(0) + " " + r.get(1).substring(0, 19) + " " + r.get(2))
                .containsExactlyInAnyOrder(JOURNEY + " 2024-08-02 10:00:00 {\"deviceType\":\"Desktop\"}",
                        JOURNEY + " 2024-08-03 11:00:00 {\"deviceType\":\"Mobile\"}");
    }

    @Test
    void funnelAndDropOffFollowEachSession() {
        assertThat(run("reports/journeys-funnel.sql"))
                .containsExactly(List.of(JOURNEY, "4", "2", "1", "1"));
        assertThat(run("reports/journeys-step-drop-off.sql")).extracting(r -> String.join(" ", r.subList(1, 4)))
                .containsExactly("1 1 1", "2 2 2", "3 1 0");
    }

    @Test
    void workflowReportsFollowTheSnapshotsLatestState() {
        assertThat(run("reports/workflows-execution-durations.sql")).extracting(r -> r.get(0) + " " + r.get(2)
                + " " + Double.parseDouble(r.get(3))).containsExactly("Installation 1 48.0");
        assertThat(run("reports/workflows-overdue-tasks.sql")).extracting(r -> r.get(0)).containsExactly("t2");
        assertThat(run("reports/entities-with-open-workflows.sql")).extracting(r -> r.get(1) + " " + r.get(3))
                .containsExactly("e1 1");
        assertThat(run("reports/entities-by-schema-and-tag.sql")).extracting(r -> String.join(" ", r))
                .containsExactly("contact vip 1", "opportunity hot 2", "opportunity (untagged) 1");
    }
}
