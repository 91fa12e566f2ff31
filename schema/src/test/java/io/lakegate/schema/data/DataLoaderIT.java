package io.lakegate.schema.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.target;
import static io.lakegate.schema.SchemaTestSupport.value;
import static io.lakegate.schema.data.DataTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code lakegate load} on the real engine: validation with line numbers and reasons, and safe re-runs. */
class DataLoaderIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaSettings schema;
    private static String db;

    @TempDir
    Path dir;

    @BeforeAll
    static void prepare() throws Exception {
        schema = DataTestSupport.freshSchema("load");
        db = "`" + schema.database() + "`";
        try (ClickHouseTarget target = target(); Connection c = target.connect(schema.database())) {
            new OrgProvisioner(c, schema, null).add(List.of(new OrgId("100"), new OrgId("200"), new OrgId("300"),
                    new OrgId("400")));
        }
    }

    private static NdjsonLoader.Result load(Dataset dataset, Path file, int batch) throws Exception {
        try (ClickHouseTarget target = target(); InputStream in = Files.newInputStream(file)) {
            return new NdjsonLoader(target, schema, dataset, batch).load(in, file.toString(),
                    NdjsonLoader.defaultRejectFile(file), Progress::none);
        }
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String op(String activity, String org, String timestamp, String detail) {
        return "{\"activity_id\":\"" + activity + "\",\"entity_id\":\"e-" + activity + "\",\"org_id\":" + org
                + ",\"operation\":\"createEntity\",\"schema\":\"opportunity\",\"timestamp\":\"" + timestamp
                + "\",\"detail\":" + detail + "}";
    }

    private static final String DETAIL = "{\"entity\":\"e1\",\"payload\":{\"_id\":\"e1\",\"_title\":\"Wallbox – Anna\","
            + "\"source\":{\"title\":\"Wallbox\"}},\"diff\":{\"added\":{},\"updated\":{},\"deleted\":{}}}";

    @Test
    void everyKindOfBadRecordIsRejectedWithItsLineAndReason() throws Exception {
        Path file = write("ops.ndjson", List.of(
                op("A1", "\"100\"", "2024-03-01 10:00:00", DETAIL),                       // 1 good, detail object
                op("A2", "\"100\"", "2024-03-01T12:00:00+02:00", JSON.writeValueAsString(DETAIL)), // 2 good, string
                "{not json",                                                               // 3
                "[1, 2]",                                                                  // 4
                "{\"entity_id\":\"e\",\"org_id\":\"100\",\"operation\":\"createEntity\",\"schema\":\"x\","
                        + "\"timestamp\":\"2024-01-01\",\"detail\":{}}",                      // 5 no activity_id
                op("A6", "\"100\"", "yesterday", DETAIL),                                  // 6
                op("A7", "\"12; DROP TABLE x\"", "2024-03-01 10:00:00", DETAIL),           // 7
                op("A8", "\"100\"", "2024-03-01 10:00:00", "\"{broken\""),                 // 8
                op("A9", "\"100\"", "2024-03-01 10:00:00", DETAIL).replace("createEntity", "mutateEntity"), // 9
                op("A10", "\"100\"", "2024-03-01 10:00:00", DETAIL).replace("\"e-A10\"", "42"), // 10
                op("A11", "\"100\"", "2024-03-01 10:00:00", DETAIL).replace("{\"activity_id\"",
                        "{\"foo\":1,\"activity_id\""),                                     // 11
                "",                                                                        // 12 blank: skipped
                op("A13", "100", "2024-03-02T08:30:00.123456Z", DETAIL),                   // 13 good, numeric org
                op("A14", "\"100\"", "2024-03-01 10:00:00", "null"),                       // 14 detail null
                op("A15", "\"100\"", "2024-03-01 10:00:00", "[1]"),                        // 15 detail array
                op("A16", "\"100\"", "1800-01-01 00:00:00", DETAIL),                       // 16 out of range
                op("A17", "\"100\"", "2024-03-01 10:00:00", DETAIL).replace("}}}}", "}}}, \"schema\":\"x\"}"))); // dup
        NdjsonLoader.Result r = load(Dataset.ENTITY_OPERATIONS, file, 1000);
        assertThat(r.loaded()).isEqualTo(3);
        assertThat(r.rejected()).isEqualTo(13);
        assertThat(r.lines()).isEqualTo(17);
        assertThat(r.rejectFile()).isEqualTo(dir.resolve("ops.ndjson.rejects.ndjson"));
        Map<Long, String> reasons = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(r.rejectFile())) {
            JsonNode n = JSON.readTree(line);
            reasons.put(n.get("line").asLong(), n.get("reason").asText());
            assertThat(n.get("record").asText()).isNotBlank();
        }
        assertThat(reasons.keySet()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 14L, 15L, 16L, 17L);
        assertThat(reasons.get(3L)).startsWith("invalid JSON");
        assertThat(reasons.get(4L)).startsWith("not a JSON object");
        assertThat(reasons.get(5L)).isEqualTo("missing required field 'activity_id'");
        assertThat(reasons.get(6L)).contains("field 'timestamp'", "'yesterday' is not a timestamp");
        assertThat(reasons.get(7L)).contains("field 'org_id'", "Invalid org id '12; DROP TABLE x'");
        assertThat(reasons.get(8L)).contains("field 'detail' is not valid JSON");
        assertThat(reasons.get(9L)).contains("field 'operation' is 'mutateEntity', not one of createEntity");
        assertThat(reasons.get(10L)).contains("field 'entity_id' must be a string, not 42");
        assertThat(reasons.get(11L)).startsWith("unknown field 'foo'");
        assertThat(reasons.get(14L)).isEqualTo("field 'detail' must not be null");
        assertThat(reasons.get(15L)).contains("field 'detail' must be a JSON object");
        assertThat(reasons.get(16L)).contains("outside 1900-01-01 .. 2299-12-31");
        assertThat(reasons.get(17L)).startsWith("invalid JSON").contains("Duplicate field 'schema'");

        // the good ones are there, normalized: UTC milliseconds, detail as JSON text either way
        List<List<String>> loaded = rows("SELECT activity_id, toString(timestamp), source_title, _title FROM " + db
                + ".`100_entity_operations` ORDER BY activity_id");
        assertThat(loaded).containsExactly(
                List.of("A1", "2024-03-01 10:00:00.000", "Wallbox", "Wallbox – Anna"),
                List.of("A13", "2024-03-02 08:30:00.123", "Wallbox", "Wallbox – Anna"),
                List.of("A2", "2024-03-01 10:00:00.000", "Wallbox", "Wallbox – Anna"));
        assertThat(r.unprovisionedOrgs()).isEmpty();
    }

    @Test
    void eachDatasetAcceptsItsDocumentedShape() throws Exception {
        Map<Dataset, String> records = new java.util.LinkedHashMap<>();
        records.put(Dataset.WORKFLOW_EXECUTIONS, "{\"org_id\":\"200\",\"id\":\"w1\",\"name\":\"Wallbox Installation\","
                + "\"status\":\"STARTED\",\"definition_id\":\"d1\",\"trigger\":\"MANUAL\",\"assigned_to\":[\"u1\"],"
                + "\"created_at\":\"2024-05-01T08:00:00Z\",\"last_updated_at\":\"2024-05-01T09:00:00Z\","
                + "\"started_at\":\"2024-05-01T08:01:00Z\",\"completed_at\":null}");
        records.put(Dataset.WORKFLOW_PHASES, "{\"org_id\":\"200\",\"id\":\"p1\",\"workflow_execution_id\":\"w1\","
                + "\"definition_id\":\"d1\",\"position\":1,\"name\":\"Angebot\",\"status\":\"IN_PROGRESS\","
                + "\"created_at\":\"2024-05-01 08:00:00\",\"started_at\":\"2024-05-01 08:01:00\"}");
        records.put(Dataset.WORKFLOW_TASKS, "{\"org_id\":\"200\",\"id\":\"t1\",\"workflow_execution_id\":\"w1\","
                + "\"phase_id\":\"p1\",\"phase_name\":\"Angebot\",\"definition_id\":\"d1\",\"entity_ref_id\":\"e1\","
                + "\"position\":1,\"name\":\"Angebot erstellen\",\"status\":\"ON_HOLD\",\"assigned_to\":\"u1\","
                + "\"assigned_to_in_progress\":\"u1\",\"assigned_to_on_hold\":\"u1\",\"manually_created\":false,"
                + "\"enabled\":true,\"due_date\":null,\"created_at\":\"2024-05-01 08:00:00\","
                + "\"started_at\":\"2024-05-01 08:01:00\",\"last_updated_at\":\"2024-05-01 08:05:00\"}");
        records.put(Dataset.WORKFLOW_CANCELLATIONS, "{\"org_id\":\"200\",\"workflow_execution_id\":\"w1\","
                + "\"closing_reason_id\":\"r1\",\"closing_reason_title\":\"Kein Bedarf mehr\"}");
        records.put(Dataset.WORKFLOW_CONTEXTS, "{\"org_id\":\"200\",\"workflow_execution_id\":\"w1\","
                + "\"context_entity_id\":\"e1\",\"context_entity_schema\":\"opportunity\"}");
        records.put(Dataset.JOURNEY_SESSIONS, "{\"id\":\"s1\",\"org_id\":\"200\",\"journey_id\":\"j1\","
                + "\"start_time\":\"2024-08-02 10:00:00\",\"end_time\":null,\"details\":{\"deviceType\":\"Desktop\","
                + "\"osType\":\"Windows 10\",\"colorDepth\":24,\"isLauncherJourney\":false},"
                + "\"last_updated_at\":\"2024-08-02 10:00:00\"}");
        records.put(Dataset.JOURNEY_EVENTS, "{\"id\":\"ev1\",\"org_id\":\"200\",\"session_id\":\"s1\","
                + "\"journey_id\":\"j1\",\"type\":\"step_navigation\",\"details\":\"{\\\"fromStepName\\\":\\\"Start\\\","
                + "\\\"fromStepNumber\\\":1,\\\"toStepName\\\":\\\"Fahrzeug\\\",\\\"toStepNumber\\\":2}\","
                + "\"created_at\":\"2024-08-02 10:01:00\"}");
        records.put(Dataset.PORTAL_SESSIONS, "{\"id\":\"ps1\",\"org_id\":\"200\",\"app_name\":\"INSTALLER_PORTAL\","
                + "\"start_time\":\"2024-08-02 10:00:00\",\"details\":{\"email\":\"a@b.de\",\"domainName\":\"p.de\"},"
                + "\"end_time\":\"2024-08-02 10:20:00\",\"last_updated_at\":\"2024-08-02 10:20:00\"}");
        records.put(Dataset.PORTAL_EVENTS, "{\"id\":\"pe1\",\"org_id\":\"200\",\"session_id\":\"ps1\","
                + "\"app_name\":\"INSTALLER_PORTAL\",\"type\":\"meter_reading_submitted\",\"details\":{\"entityId\":"
                + "\"m1\",\"entitySchema\":\"meter\",\"reading\":4711},\"created_at\":\"2024-08-02 10:05:00\"}");
        for (Map.Entry<Dataset, String> e : records.entrySet()) {
            NdjsonLoader.Result r = load(e.getKey(), write(e.getKey().table() + ".ndjson", List.of(e.getValue())),
                    10);
            assertThat(r.loaded()).as(e.getKey().table()).isEqualTo(1);
            assertThat(count("SELECT count() FROM " + db + ".`200_" + e.getKey().table() + "_final`"))
                    .as(e.getKey().table()).isEqualTo(1);
        }
        assertThat(value("SELECT to_step_number FROM " + db + ".`200_journey_events_final`")).isEqualTo("2");
        assertThat(value("SELECT concat(device_type, '/', toString(color_depth)) FROM " + db
                + ".`200_journey_sessions_final`")).isEqualTo("Desktop/24");
        assertThat(value("SELECT concat(entity_id, '/', entity_schema) FROM " + db + ".`200_portal_events_final`"))
                .isEqualTo("m1/meter");
        assertThat(value("SELECT execution_type FROM " + db + ".`200_workflow_tasks_final`")).isEqualTo("MANUAL");

        // type checks of the other kinds of fields
        Path bad = write("tasks-bad.ndjson", List.of(
                records.get(Dataset.WORKFLOW_TASKS).replace("\"position\":1", "\"position\":\"1\""),
                records.get(Dataset.WORKFLOW_TASKS).replace("\"enabled\":true", "\"enabled\":\"yes\""),
                records.get(Dataset.WORKFLOW_TASKS).replace("\"status\":\"ON_HOLD\"", "\"status\":\"DONE\""),
                records.get(Dataset.WORKFLOW_TASKS).replace("\"id\":\"t1\"", "\"id\":\"\"")));
        NdjsonLoader.Result r = load(Dataset.WORKFLOW_TASKS, bad, 10);
        assertThat(r.loaded()).isZero();
        assertThat(Files.readAllLines(r.rejectFile())).hasSize(4)
                .anySatisfy(l -> assertThat(l).contains("\"line\":1", "field 'position' must be a whole number"))
                .anySatisfy(l -> assertThat(l).contains("\"line\":2", "field 'enabled' must be true or false"))
                .anySatisfy(l -> assertThat(l).contains("\"line\":3", "field 'status' is 'DONE', not one of"))
                .anySatisfy(l -> assertThat(l).contains("\"line\":4", "field 'id' must not be empty"));
        Path badArray = write("exec-bad.ndjson", List.of(records.get(Dataset.WORKFLOW_EXECUTIONS)
                .replace("[\"u1\"]", "[1]")));
        assertThat(Files.readString(load(Dataset.WORKFLOW_EXECUTIONS, badArray, 10).rejectFile()))
                .contains("field 'assigned_to' must be an array of strings");
    }

    /** N portal events and, for the snapshot table, two versions of N/10 sessions. */
    private Path portalFile(String name, String org, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add("{\"id\":\"ev-" + i + "\",\"org_id\":\"" + org + "\",\"session_id\":\"s-" + (i / 10)
                    + "\",\"app_name\":\"END_CUSTOMER_PORTAL\",\"type\":\"page_navigation\",\"details\":{\"url\":"
                    + "\"https://portal.example.de/p" + i + "\",\"path\":\"/p" + i + "\"},\"created_at\":\"2024-0"
                    + (1 + i % 9) + "-1" + (i % 10) + "T10:00:0" + (i % 10) + "Z\"}");
        }
        return write(name, lines);
    }

    @Test
    void loadingAFileTwiceShowsEveryRecordOnce() throws Exception {
        Path file = portalFile("twice.ndjson", "300", 5_000);
        NdjsonLoader.Result first = load(Dataset.PORTAL_EVENTS, file, 700);
        assertThat(first.loaded()).isEqualTo(5_000);
        assertThat(first.rejectFile()).isNull();
        assertThat(Files.exists(NdjsonLoader.defaultRejectFile(file))).isFalse();
        NdjsonLoader.Result second = load(Dataset.PORTAL_EVENTS, file, 1_300);
        assertThat(second.loaded()).isEqualTo(5_000);
        assertThat(count("SELECT count() FROM " + db + ".`300_portal_events_final`")).isEqualTo(5_000);
        assertThat(count("SELECT uniqExact(id) FROM " + db + ".`300_portal_events_final`")).isEqualTo(5_000);

        // entity operations: the history and the latest-state views both show each record once
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ops.add(op("B" + i, "\"300\"", "2024-04-0" + (1 + i % 9) + " 10:00:00", DETAIL));
        }
        Path opsFile = write("ops-twice.ndjson", ops);
        load(Dataset.ENTITY_OPERATIONS, opsFile, 70);
        load(Dataset.ENTITY_OPERATIONS, opsFile, 70);
        assertThat(count("SELECT count() FROM " + db + ".`300_entity_operations`")).isEqualTo(300);
        assertThat(count("SELECT count() FROM " + db + ".`300_current_entities_final`")).isEqualTo(300);
    }

    @Test
    void aPartialLoadThenTheFullFileShowsEveryRecordOnce() throws Exception {
        Path full = portalFile("full.ndjson", "400", 4_000);
        List<String> lines = Files.readAllLines(full);
        // as if the first load was killed after 1,700 records
        Path partial = write("partial.ndjson", lines.subList(0, 1_700));
        assertThat(load(Dataset.PORTAL_EVENTS, partial, 500).loaded()).isEqualTo(1_700);
        assertThat(count("SELECT count() FROM " + db + ".`400_portal_events_final`")).isEqualTo(1_700);
        assertThat(load(Dataset.PORTAL_EVENTS, full, 500).loaded()).isEqualTo(4_000);
        assertThat(count("SELECT count() FROM " + db + ".`400_portal_events_final`")).isEqualTo(4_000);

        // a snapshot table: the open version, then (partial) the closed one, then everything again
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String base = "{\"id\":\"s-" + i + "\",\"org_id\":\"400\",\"app_name\":\"END_CUSTOMER_PORTAL\","
                    + "\"start_time\":\"2024-06-01 10:00:0" + (i % 10) + "\",\"details\":{\"email\":\"x@y.de\"},";
            sessions.add(base + "\"end_time\":null,\"last_updated_at\":\"2024-06-01 10:00:0" + (i % 10) + "\"}");
            sessions.add(base + "\"end_time\":\"2024-06-01 10:30:00\",\"last_updated_at\":\"2024-06-01 10:30:00\"}");
        }
        Path sessionFile = write("sessions.ndjson", sessions);
        load(Dataset.PORTAL_SESSIONS, write("sessions-part.ndjson", sessions.subList(0, 123)), 50);
        load(Dataset.PORTAL_SESSIONS, sessionFile, 50);
        assertThat(rows("SELECT count(), countIf(end_time IS NOT NULL) FROM " + db + ".`400_portal_sessions_final`"))
                .containsExactly(List.of("200", "200"));
    }

    @Test
    void recordsOfOrgsWithoutViewsAreLoadedAndReported() throws Exception {
        NdjsonLoader.Result r = load(Dataset.PORTAL_EVENTS, portalFile("unprovisioned.ndjson", "987654", 3), 10);
        assertThat(r.loaded()).isEqualTo(3);
        assertThat(r.unprovisionedOrgs()).containsExactly("987654");
    }

    @Test
    void inputThatIsNotJsonLinesIsAClearError() throws Exception {
        assertThatThrownBy(() -> NdjsonLoader.checkFile(dir.resolve("nope.ndjson")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("nope.ndjson does not exist");
        assertThatThrownBy(() -> NdjsonLoader.checkFile(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
        Path empty = Files.createFile(dir.resolve("empty.ndjson"));
        assertThatThrownBy(() -> NdjsonLoader.checkFile(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> loadBytes(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, (byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is binary, not newline-delimited JSON text");
        assertThatThrownBy(() -> loadBytes(new byte[] {(byte) 0xC3, (byte) 0x28, 'a', 'b'}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> loadBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gzip-compressed");
        assertThatThrownBy(() -> loadBytes("\n  \n\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no records");
        assertThatThrownBy(() -> Dataset.byName("entity_ops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown dataset 'entity_ops': choose one of " + String.join(", ", Dataset.names()));
    }

    private void loadBytes(byte[] data) throws Exception {
        try (ClickHouseTarget target = target()) {
            new NdjsonLoader(target, schema, Dataset.PORTAL_EVENTS, 10).load(new ByteArrayInputStream(data),
                    "input", dir.resolve("r.ndjson"), Progress::none);
        }
    }

    @Test
    void generatedRowsExportedAsNdjsonLoadBackUnchanged() throws Exception {
        // the generator's rows are valid load input: export a generated table and load it into another org's slot
        SchemaSettings source = DataTestSupport.freshSchema("roundtrip");
        try (ClickHouseTarget target = target()) {
            new DataGenerator(target, source, new GeneratorSettings(List.of(new OrgId("500")), 0.01, 9,
                    GeneratorSettings.DEFAULT_FROM, GeneratorSettings.DEFAULT_TO, 1)).run();
        }
        for (Dataset dataset : Dataset.values()) {
            String columns = dataset.fields().stream().map(f -> "`" + f.name() + "`").collect(Collectors.joining(", "));
            List<String> lines = rows("SELECT formatRowNoNewline('JSONEachRow', " + columns + ") FROM `"
                    + source.database() + "`." + dataset.table() + " FINAL").stream().map(r -> r.get(0)).toList();
            assertThat(lines).as(dataset.table()).isNotEmpty();
            NdjsonLoader.Result r = load(dataset, write(dataset.table() + "-export.ndjson", lines), 10_000);
            assertThat(r.rejected()).as(dataset.table() + " rejects").isZero();
            assertThat(r.loaded()).isEqualTo(lines.size());
        }
        assertThat(count("SELECT count() FROM " + db + ".entity_operations FINAL WHERE org_id = '500'")).isEqualTo(
                count("SELECT count() FROM `" + source.database() + "`.entity_operations FINAL"));
    }
}
