package io.lakegate.schema.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaDrift;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.SchemaTestSupport;
import io.lakegate.schema.data.DataGenerator;
import io.lakegate.schema.data.GeneratorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.lakegate.schema.SchemaTestSupport.execute;
import static io.lakegate.schema.SchemaTestSupport.rows;
import static io.lakegate.schema.SchemaTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity schema views on generated data of several orgs, each with a custom schema of its own (so their schemas
 * differ), against the real engine.
 */
class EntityViewsIT {
    private static final OrgId A = new OrgId("3100");
    private static final OrgId B = new OrgId("3101");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaSettings settings;
    private static String db;
    private static ClickHouseTarget target;
    private static Connection connection;

    @BeforeAll
    static void generate() throws Exception {
        settings = SchemaTestSupport.freshDatabase("entity");
        db = "`" + settings.database() + "`";
        target = SchemaTestSupport.target();
        new SchemaManager(target, settings).update();
        new DataGenerator(target, settings, new GeneratorSettings(List.of(A, B), 0.05, 11,
                GeneratorSettings.DEFAULT_FROM, GeneratorSettings.DEFAULT_TO, 2)).run();
        // custom schemas: A has tickets (one with a malformed detail, one without the attribute), B installations
        insert(A, "t1", "ticket", "{\"payload\":{\"_schema\":\"ticket\",\"priority\":3,\"subject\":\"Zähler defekt\","
                + "\"opened_at\":\"2024-05-01T08:30:00.250Z\",\"labels\":[\"urgent\",\"meter\"]}}");
        insert(A, "t2", "ticket", "{\"payload\":{\"_schema\":\"ticket\",\"subject\":\"Rückruf\","
                + "\"labels\":[]}}");
        insert(A, "t3", "ticket", "{\"payload\":{\"_schema\":\"ticket\",\"priority\":");
        insert(B, "i1", "installation", "{\"payload\":{\"capacity_kw\":11,\"site\":{\"roof\":\"south\","
                + "\"panels\":24},\"Site-Roof\":\"collides\"}}");
        insert(B, "i2", "installation", "{\"payload\":{\"capacity_kw\":9.5,\"site\":{\"roof\":\"east\"}}}");
        connection = target.connect(settings.database());
        views().refresh(A);
        views().refresh(B);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
        target.close();
    }

    private static EntityViews views() {
        return new EntityViews(connection, settings, null);
    }

    private static void insert(OrgId org, String entity, String schema, String detail) {
        execute("INSERT INTO " + db + ".entity_operations (activity_id, entity_id, org_id, operation, schema, "
                + "timestamp, detail) VALUES ('act-" + entity + "-" + System.nanoTime() + "', '" + entity + "', '" + org
                + "', 'updateEntity', '" + schema + "', now64(3), '" + detail.replace("\\", "\\\\").replace("'", "\\'")
                + "')");
    }

    private static Map<String, EntityViewRegistry.Registered> registered(OrgId org) throws Exception {
        return new EntityViewRegistry(connection, settings.database(), null).views(org);
    }

    private static String columnType(String view, String column) {
        return value("SELECT type FROM system.columns WHERE database = '" + settings.database() + "' AND table = '"
                + view + "' AND name = '" + column + "'");
    }

    @Test
    void everySchemaPresentGetsItsViewAndTheOrgsDiffer() throws Exception {
        Map<OrgId, Set<String>> present = Map.of(A, new HashSet<>(), B, new HashSet<>());
        for (OrgId org : List.of(A, B)) {
            rows("SELECT DISTINCT schema FROM " + db + ".`" + org + "_current_entities_final`")
                    .forEach(r -> present.get(org).add(r.get(0)));
            assertThat(registered(org).keySet()).containsAll(present.get(org));
            for (String schema : present.get(org)) {
                String view = org + "_" + schema + "_final";
                assertThat(value("SELECT count() FROM " + db + ".`" + view + "`")).as(view).isEqualTo(value(
                        "SELECT count() FROM " + db + ".`" + org + "_current_entities_final` WHERE schema = '"
                                + schema + "'"));
            }
        }
        assertThat(present.get(A)).contains("opportunity", "contact", "order", "contract", "meter", "ticket")
                .doesNotContain("installation");
        assertThat(present.get(B)).contains("installation").doesNotContain("ticket");
        assertThat(value("EXISTS TABLE " + db + ".`" + B + "_ticket_final`")).isEqualTo("0");
    }

    @Test
    void everyTypedValueIsWhatJsonExtractOfDetailGives() throws Exception {
        int checked = 0;
        for (OrgId org : List.of(A, B)) {
            for (EntityViewRegistry.Registered r : registered(org).values()) {
                String view = r.view().physical(org);
                for (AttributeColumn c : r.view().columns()) {
                    String type = columnType(view, c.name());
                    String path = c.path().stream().map(k -> "'" + k.replace("'", "\\'") + "'")
                            .collect(Collectors.joining(", "));
                    String expected = c.type().kind() == AttributeType.Kind.JSON
                            ? "nullIf(JSONExtractRaw(e.detail, 'payload', " + path + "), '')"
                            : "JSONExtract(e.detail, 'payload', " + path + ", '" + type.replace("'", "\\'") + "')";
                    String differing = value("SELECT count() FROM " + db + ".`" + view + "` AS v JOIN " + db + ".`"
                            + org + "_current_entities_final` AS e ON v.entity_id = e.entity_id WHERE "
                            + "ifNull(toString(v.`" + c.name() + "`), '<null>') != ifNull(toString(" + expected
                            + "), '<null>')");
                    assertThat(differing).as(view + "." + c.name() + " " + type).isEqualTo("0");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void opportunityColumnsMatchThePayloadReadByJackson() throws Exception {
        List<List<String>> rows = rows("SELECT v.value_amount, v.status, v.customer_email, e.detail FROM " + db
                + ".`" + A + "_opportunity_final` AS v JOIN " + db + ".`" + A + "_current_entities_final` AS e "
                + "ON v.entity_id = e.entity_id");
        assertThat(rows).hasSizeGreaterThan(20);
        for (List<String> row : rows) {
            JsonNode payload = JSON.readTree(row.get(3)).get("payload");
            assertThat(Double.parseDouble(row.get(0))).isEqualTo(payload.get("value").get("amount").asDouble());
            assertThat(row.get(1)).isEqualTo(payload.get("status").asText());
            assertThat(row.get(2)).isEqualTo(payload.get("customer").get("email").asText());
        }
        assertThat(columnType(A + "_opportunity_final", "value_amount")).isEqualTo("Nullable(Float64)");
        assertThat(columnType(A + "_contact_final", "consent_newsletter")).isEqualTo("Nullable(Bool)");
        assertThat(columnType(A + "_contact_final", "email")).as("an array of objects stays JSON text")
                .isEqualTo("Nullable(String)");
        assertThat(columnType(A + "_opportunity_final", "_acl_view")).isEqualTo("Array(Nullable(String))");
        assertThat(columnType(A + "_opportunity_final", "source_title")).as("a base column, not an attribute")
                .isEqualTo("Nullable(String)");
    }

    @Test
    void absentAndMalformedValuesReadNull() {
        String view = db + ".`" + A + "_ticket_final`";
        assertThat(rows("SELECT entity_id, priority, subject, toString(opened_at), toString(labels) FROM " + view + " ORDER BY entity_id"))
                .containsExactly(
                        List.of("t1", "3", "Zähler defekt", "2024-05-01 08:30:00.250", "['urgent','meter']"),
                        java.util.Arrays.asList("t2", null, "Rückruf", null, "[]"),
                        java.util.Arrays.asList("t3", null, null, null, "[]"));
        assertThat(columnType(A + "_ticket_final", "priority")).isEqualTo("Nullable(Int64)");
        assertThat(columnType(A + "_ticket_final", "opened_at")).isEqualTo("Nullable(DateTime64(3, 'UTC'))");
    }

    @Test
    void namesAreSafeAndCollisionsGetASuffix() {
        String view = B + "_installation_final";
        List<String> names = rows("SELECT name FROM system.columns WHERE database = '" + settings.database()
                + "' AND table = '" + view + "' ORDER BY position").stream().map(r -> r.get(0)).toList();
        // "Site-Roof" and site.roof both make site_roof without case: the path that sorts first keeps the name
        assertThat(names).contains("capacity_kw", "site_panels", "Site_Roof", "site_roof_2");
        assertThat(names).allMatch(n -> n.matches("[A-Za-z_][A-Za-z0-9_]*"));
    }

    @Test
    void aNewAttributeAppearsAfterRefresh() throws Exception {
        String entity = value("SELECT entity_id FROM " + db + ".`" + A + "_order_final` ORDER BY entity_id LIMIT 1");
        String payload = value("SELECT JSONExtractRaw(detail, 'payload') FROM " + db + ".`" + A
                + "_current_entities_final` WHERE entity_id = '" + entity + "'");
        insert(A, entity, "order", "{\"payload\":" + payload.substring(0, payload.length() - 1)
                + ",\"delivery_window\":{\"earliest\":\"2024-09-01T07:00:00.000Z\"}}}");
        assertThat(columnType(A + "_order_final", "delivery_window_earliest")).isNull();
        EntityViews.Refresh refresh = views().refresh(A);
        assertThat(refresh.changes()).extracting(EntityViews.Change::view).contains(A + "_order_final");
        assertThat(refresh.describe()).anyMatch(l -> l.contains("delivery_window_earliest DateTime"));
        assertThat(columnType(A + "_order_final", "delivery_window_earliest"))
                .isEqualTo("Nullable(DateTime64(3, 'UTC'))");
        assertThat(rows("SELECT toString(delivery_window_earliest) FROM " + db + ".`" + A
                + "_order_final` WHERE delivery_window_earliest IS NOT NULL")).containsExactly(
                List.of("2024-09-01 07:00:00.000"));
    }

    @Test
    void aConflictingTypeWidensAndIsReported() throws Exception {
        assertThat(columnType(B + "_installation_final", "capacity_kw")).isEqualTo("Nullable(Float64)");
        assertThat(registered(B).get("installation").view().conflicts()).contains("capacity_kw: Float64, Int64 -> "
                + "Float64");
        insert(B, "i3", "installation", "{\"payload\":{\"capacity_kw\":\"about 10\"}}");
        EntityViews.Refresh refresh = views().refresh(B);
        assertThat(refresh.describe()).contains("  type conflict widened: capacity_kw: Float64, Int64, String -> String");
        assertThat(columnType(B + "_installation_final", "capacity_kw")).isEqualTo("Nullable(String)");
        assertThat(rows("SELECT entity_id, capacity_kw FROM " + db + ".`" + B + "_installation_final` ORDER BY "
                + "entity_id")).containsExactly(List.of("i1", "11"), List.of("i2", "9.5"), List.of("i3", "about 10"));
        assertThat(registered(B).get("installation").view().conflicts()).hasSize(2);
    }

    @Test
    void aSecondRefreshWithNothingNewChangesNothing() throws Exception {
        views().refresh(A);
        String registryRows = value("SELECT count() FROM " + db + ".lakegate_entity_views");
        String definitions = value("SELECT groupArray(create_table_query) FROM (SELECT create_table_query FROM "
                + "system.tables WHERE database = '" + settings.database() + "' ORDER BY name)");
        EntityViews.Refresh again = views().refresh(A);
        assertThat(again.changes()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(registered(A).size());
        assertThat(value("SELECT count() FROM " + db + ".lakegate_entity_views")).isEqualTo(registryRows);
        assertThat(value("SELECT groupArray(create_table_query) FROM (SELECT create_table_query FROM "
                + "system.tables WHERE database = '" + settings.database() + "' ORDER BY name)")).isEqualTo(definitions);
    }

    @Test
    void driftKnowsTheViewsAndOrgRemoveDropsThem() throws Exception {
        OrgId c = new OrgId("3102");
        new OrgProvisioner(connection, settings, null).add(List.of(c));
        insert(c, "x1", "ticket", "{\"payload\":{\"priority\":1}}");
        views().refresh(c);
        List<String> drift = new SchemaDrift(target, settings).check().stream().map(Object::toString).toList();
        assertThat(drift).noneMatch(d -> d.contains("_final"));
        execute("DROP VIEW " + db + ".`3102_ticket_final`");
        assertThat(new SchemaDrift(target, settings).check().stream().map(Object::toString))
                .anyMatch(d -> d.startsWith("3102_ticket_final: missing"));
        assertThat(views().refresh(c).changes()).hasSize(1);
        new OrgProvisioner(connection, settings, null).remove(c);
        assertThat(value("EXISTS TABLE " + db + ".`3102_ticket_final`")).isEqualTo("0");
        assertThat(registered(c)).isEmpty();
        List<String> names = new ArrayList<>();
        rows("SELECT name FROM system.tables WHERE database = '" + settings.database() + "' AND startsWith(name, "
                + "'3102_')").forEach(r -> names.add(r.get(0)));
        assertThat(names).isEmpty();
    }
}
