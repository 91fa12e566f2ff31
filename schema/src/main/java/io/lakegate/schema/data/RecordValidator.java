package io.lakegate.schema.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.schema.OrgId;

import java.util.Map;

/**
 * Checks one NDJSON record against its dataset and turns it into the JSONEachRow line that is inserted: only the
 * table's columns, timestamps normalized to UTC milliseconds ({@code 2024-01-10 10:00:00.123}), org ids lower-cased,
 * detail/details stored as JSON text (an object is written compactly; a string is kept as it is). The same record
 * always gives the same line, so re-loading it gives the same ReplacingMergeTree key and the row counts once.
 */
public final class RecordValidator {
    /** A record that cannot be loaded, and why. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final long MIN_TIME = Timestamps.parse("1900-01-01");
    private static final long MAX_TIME = Timestamps.parse("2299-12-31T23:59:59.999Z");

    private final Dataset dataset;
    private String lastOrg;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public RecordValidator(Dataset dataset) {
        this.dataset = dataset;
    }

    /** Parses and validates one line (UTF-8 bytes without the newline); returns the line to insert. */
    public byte[] validate(byte[] line, int offset, int length) throws Rejected {
        JsonNode node;
        try {
            node = mapper.readTree(line, offset, length);
        } catch (JsonProcessingException e) {
            throw new Rejected("invalid JSON: " + clip(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new Rejected("invalid JSON: " + clip(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new Rejected("not a JSON object: each line must be one {...} record of " + dataset.table());
        }
        ObjectNode out = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (dataset.field(key) == null) {
                throw new Rejected("unknown field '" + key + "' (" + dataset.table() + " has " + String.join(", ",
                        dataset.fields().stream().map(Dataset.Field::name).toList()) + ")");
            }
        }
        for (Dataset.Field field : dataset.fields()) {
            JsonNode value = node.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw new Rejected(value == null ? "missing required field '" + field.name() + "'"
                            : "field '" + field.name() + "' must not be null");
                }
                if (field.nullable()) {
                    out.putNull(field.name());
                }
                continue;
            }
            convert(field, value, out);
        }
        try {
            byte[] json = mapper.writeValueAsBytes(out);
            byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void convert(Dataset.Field field, JsonNode value, ObjectNode out) throws Rejected {
        String name = field.name();
        switch (field.kind()) {
            case ID -> {
                String s = string(field, value);
                if (s.isBlank()) {
                    throw new Rejected("field '" + name + "' must not be empty");
                }
                out.put(name, s);
            }
            case TEXT -> out.put(name, string(field, value));
            case ORG -> {
                String s = value.isIntegralNumber() ? value.asText() : string(field, value);
                try {
                    lastOrg = new OrgId(s).value();
                    out.put(name, lastOrg);
                } catch (IllegalArgumentException e) {
                    throw new Rejected("field '" + name + "': " + e.getMessage());
                }
            }
            case ENUM -> {
                String s = string(field, value);
                if (!field.values().contains(s)) {
                    throw new Rejected("field '" + name + "' is '" + clip(s) + "', not one of " + String.join(", ",
                            field.values()));
                }
                out.put(name, s);
            }
            case TIME -> {
                long millis;
                if (value.isIntegralNumber()) {
                    millis = value.asLong();
                } else {
                    try {
                        millis = Timestamps.parse(string(field, value));
                    } catch (IllegalArgumentException e) {
                        throw new Rejected("field '" + name + "': " + e.getMessage());
                    }
                }
                if (millis < MIN_TIME || millis > MAX_TIME) {
                    throw new Rejected("field '" + name + "' is outside 1900-01-01 .. 2299-12-31 (the range of "
                            + "ClickHouse's DateTime64)" + (value.isIntegralNumber() ? "; numbers are milliseconds "
                            + "since 1970-01-01 UTC" : ""));
                }
                out.put(name, Timestamps.sql(millis));
            }
            case INT -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw new Rejected("field '" + name + "' must be a whole number (32-bit), not " + clip(
                            value.toString()));
                }
                out.put(name, value.asInt());
            }
            case BOOL -> {
                if (!value.isBoolean()) {
                    throw new Rejected("field '" + name + "' must be true or false, not " + clip(value.toString()));
                }
                out.put(name, value.asBoolean());
            }
            case STRINGS -> {
                if (!value.isArray()) {
                    throw new Rejected("field '" + name + "' must be an array of strings");
                }
                var array = out.putArray(name);
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        throw new Rejected("field '" + name + "' must be an array of strings, not " + clip(
                                value.toString()));
                    }
                    array.add(item.asText());
                }
            }
            case JSON -> {
                if (value.isObject()) {
                    out.put(name, value.toString());
                } else if (value.isTextual()) {
                    JsonNode parsed;
                    try {
                        parsed = mapper.readTree(value.asText());
                    } catch (JsonProcessingException e) {
                        throw new Rejected("field '" + name + "' is not valid JSON: " + clip(e.getOriginalMessage()));
                    }
                    if (parsed == null || !parsed.isObject()) {
                        throw new Rejected("field '" + name + "' must hold a JSON object");
                    }
                    out.put(name, value.asText());
                } else {
                    throw new Rejected("field '" + name + "' must be a JSON object or a string holding one");
                }
            }
            default -> throw new IllegalStateException(field.kind().toString());
        }
    }

    /** The org id of the record last validated successfully. */
    public String lastOrg() {
        return lastOrg;
    }

    private static String string(Dataset.Field field, JsonNode value) throws Rejected {
        if (!value.isTextual()) {
            throw new Rejected("field '" + field.name() + "' must be a string, not " + clip(value.toString()));
        }
        return value.asText();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
