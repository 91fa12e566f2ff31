package io.lakegate.schema.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The datasets {@code lakegate load} accepts: each is one base table, and a record is a JSON object whose keys are
 * that table's documented columns (docs/data.md). The fields say which keys a record must have and what they hold.
 */
public enum Dataset {
    ENTITY_OPERATIONS(
            id("activity_id"), id("entity_id"), org(),
            oneOf("operation", "createEntity", "updateEntity", "deleteEntity", "softDeleteEntity", "restoreEntity"),
            id("schema"), time("timestamp"), json("detail", false)),
    WORKFLOW_EXECUTIONS(
            org(), id("id"), text("name"), oneOf("status", "STARTED", "DONE", "CLOSED"), id("definition_id"),
            optional(oneOf("trigger", "MANUAL", "AUTOMATIC", "")), optional(strings("assigned_to")),
            nullableTime("due_date"), time("created_at"), time("last_updated_at"), nullableTime("started_at"),
            nullableTime("completed_at")),
    WORKFLOW_PHASES(
            org(), id("id"), id("workflow_execution_id"), id("definition_id"), integer("position"), text("name"),
            oneOf("status", "OPEN", "IN_PROGRESS", "COMPLETED"), time("created_at"), nullableTime("started_at"),
            nullableTime("completed_at")),
    WORKFLOW_TASKS(
            org(), id("id"), id("workflow_execution_id"), id("phase_id"), text("phase_name"), id("definition_id"),
            optional(text("entity_ref_id")), integer("position"), text("name"),
            oneOf("status", "PENDING", "IN_PROGRESS", "COMPLETED", "SKIPPED", "SCHEDULED", "CONDITION_PENDING",
                    "WAITING_FOR_CONFIRMATION", "ON_HOLD", "FAILED", "UNASSIGNED", "ASSIGNED"),
            optional(oneOf("execution_type", "MANUAL", "AUTOMATION")), optional(text("assigned_to")),
            optional(text("assigned_to_in_progress")), optional(text("assigned_to_on_hold")),
            optional(bool("manually_created")), optional(bool("enabled")), nullableTime("due_date"),
            time("created_at"), nullableTime("started_at"), nullableTime("completed_at"),
            nullableTime("status_last_updated"), time("last_updated_at")),
    WORKFLOW_CANCELLATIONS(
            org(), id("workflow_execution_id"), id("closing_reason_id"), text("closing_reason_title")),
    WORKFLOW_CONTEXTS(
            org(), id("workflow_execution_id"), id("context_entity_id"), id("context_entity_schema"),
            optional(text("context_entity_title"))),
    JOURNEY_SESSIONS(
            id("id"), org(), id("journey_id"), time("start_time"), nullableTime("end_time"), json("details", true),
            time("last_updated_at")),
    JOURNEY_EVENTS(
            id("id"), org(), id("session_id"), id("journey_id"),
            oneOf("type", "journey_load_time", "step_navigation", "journey_submit", "journey_exit"),
            json("details", true), time("created_at")),
    PORTAL_SESSIONS(
            id("id"), org(), oneOf("app_name", "END_CUSTOMER_PORTAL", "INSTALLER_PORTAL"), time("start_time"),
            json("details", true), nullableTime("end_time"), time("last_updated_at")),
    PORTAL_EVENTS(
            id("id"), org(), id("session_id"), oneOf("app_name", "END_CUSTOMER_PORTAL", "INSTALLER_PORTAL"),
            oneOf("type", PortalGenerator.EVENT_TYPES.toArray(String[]::new)), json("details", true),
            time("created_at"));

    /** What a field holds. */
    public enum Kind {
        /** a non-empty string */
        ID,
        /** any string */
        TEXT,
        /** an org id (digits or a UUID; a JSON number is accepted too) */
        ORG,
        /** one of the listed strings */
        ENUM,
        /** a timestamp (ISO 8601 or "yyyy-MM-dd HH:mm:ss[.SSS]", UTC unless an offset is given) */
        TIME,
        /** a 32-bit integer */
        INT,
        /** true or false */
        BOOL,
        /** an array of strings */
        STRINGS,
        /** a JSON object, or a string holding one */
        JSON
    }

    /**
     * @param required the key must be present (and not null)
     * @param nullable null (or an absent key) stores NULL
     */
    public record Field(String name, Kind kind, boolean required, boolean nullable, Set<String> values) {
    }

    private final List<Field> fields;

    Dataset(Field... fields) {
        this.fields = List.of(fields);
    }

    /** The table's name, which is also the dataset's name. */
    public String table() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Field> fields() {
        return fields;
    }

    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Dataset::table).toList();
    }

    /** The dataset of that name, or a clear error listing the valid names. */
    public static Dataset byName(String name) {
        for (Dataset d : values()) {
            if (d.table().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown dataset '" + name + "': choose one of " + String.join(", ",
                names()));
    }

    private static Field id(String name) {
        return new Field(name, Kind.ID, true, false, Set.of());
    }

    private static Field text(String name) {
        return new Field(name, Kind.TEXT, true, false, Set.of());
    }

    private static Field org() {
        return new Field("org_id", Kind.ORG, true, false, Set.of());
    }

    private static Field oneOf(String name, String... values) {
        return new Field(name, Kind.ENUM, true, false, new LinkedHashSet<>(Arrays.asList(values)));
    }

    private static Field time(String name) {
        return new Field(name, Kind.TIME, true, false, Set.of());
    }

    private static Field nullableTime(String name) {
        return new Field(name, Kind.TIME, false, true, Set.of());
    }

    private static Field integer(String name) {
        return new Field(name, Kind.INT, true, false, Set.of());
    }

    private static Field bool(String name) {
        return new Field(name, Kind.BOOL, true, false, Set.of());
    }

    private static Field strings(String name) {
        return new Field(name, Kind.STRINGS, true, false, Set.of());
    }

    private static Field json(String name, boolean nullable) {
        return new Field(name, Kind.JSON, !nullable, nullable, Set.of());
    }

    /** The same field, but a record may leave it out (the column's default is stored). */
    private static Field optional(Field f) {
        return new Field(f.name(), f.kind(), false, f.nullable(), f.values());
    }
}
