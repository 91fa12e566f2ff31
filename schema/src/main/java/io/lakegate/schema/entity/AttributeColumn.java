package io.lakegate.schema.entity;

import java.util.List;

/**
 * One typed column of an entity schema view: its name, the attribute's path in the payload ({@code ["value",
 * "amount"]}) and its type.
 */
public record AttributeColumn(String name, List<String> path, AttributeType type) {
    public AttributeColumn {
        path = List.copyOf(path);
    }

    /** The column in the view's SELECT list. */
    String selectItem() {
        return type.extraction(path) + " AS " + io.lakegate.engine.protocol.ClickHouseQuoting.identifier(name);
    }

    AttributeColumn withType(AttributeType other) {
        return new AttributeColumn(name, path, other);
    }
}
