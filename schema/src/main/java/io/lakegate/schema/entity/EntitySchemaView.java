package io.lakegate.schema.entity;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One org's view of one entity schema, {@code {org}_{schema}_final}: the rows of {@code {org}_current_entities_final}
 * of that schema, with the base columns and one typed column per attribute.
 *
 * @param schema    the entity schema, as the data has it ({@code opportunity})
 * @param name      the view's name without the org prefix ({@code opportunity_final})
 * @param columns   the attribute columns, in the view's order
 * @param conflicts the type widenings seen so far, one line each ({@code value: Int64, String -> String})
 */
public record EntitySchemaView(String schema, String name, List<AttributeColumn> columns, List<String> conflicts) {
    /** The base columns, as {@code {org}_current_entities_final} has them; attributes never take these names. */
    public static final List<String> BASE_COLUMNS = List.of("entity_id", "org_id", "schema", "operation",
            "activity_id", "timestamp", "detail", "_id", "_org", "_schema", "_title", "_tags", "_purpose",
            "_created_at", "_updated_at", "_deleted_at", "source_title");
    /** Payload paths the base columns already hold, typed: no second column for them. */
    static final Set<List<String>> BASE_PATHS = Set.of(List.of("_id"), List.of("_org"), List.of("_schema"),
            List.of("_title"), List.of("_tags"), List.of("_purpose"), List.of("_created_at"), List.of("_updated_at"),
            List.of("_deleted_at"), List.of("source", "title"));

    public EntitySchemaView {
        columns = List.copyOf(columns);
        conflicts = List.copyOf(conflicts);
    }

    /** The view's full name for {@code org}. */
    public String physical(OrgId org) {
        return org.value() + "_" + name;
    }

    /** The view's definition: every org's view of a schema is the same text but for the org and its columns. */
    public String createSql(String database, OrgId org, String onCluster) {
        List<String> select = new ArrayList<>();
        BASE_COLUMNS.forEach(c -> select.add(ClickHouseQuoting.identifier(c)));
        columns.forEach(c -> select.add(c.selectItem()));
        return "CREATE OR REPLACE VIEW " + ClickHouseQuoting.identifier(database) + "."
                + ClickHouseQuoting.identifier(physical(org)) + (onCluster.isEmpty() ? "" : " " + onCluster)
                + " " + OrgProvisioner.VIEW_SECURITY + " AS SELECT " + String.join(", ", select) + " FROM " + ClickHouseQuoting.identifier(database) + "."
                + ClickHouseQuoting.identifier(org.viewName("current_entities_final")) + " WHERE `schema` = "
                + ClickHouseQuoting.string(schema);
    }

    /** A hash of the definition: the registry's version of the view; equal versions, equal views. */
    public String version(String database, OrgId org) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(createSql(database, org, "")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
