package io.lakegate.schema;

import java.util.regex.Pattern;

/** An organization id: a numeric string or a UUID, as the data model defines them. Nothing else gets near SQL. */
public record OrgId(String value) {
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,20}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public OrgId {
        if (value == null || !(NUMERIC.matcher(value).matches() || UUID.matcher(value).matches())) {
            throw new IllegalArgumentException("Invalid org id '" + value + "': an org id is a number of up to 20 "
                    + "digits (e.g. 16581729) or a UUID (e.g. 0b7f1e7e-4a43-4c1b-9b8a-6a1f3c2d1e00)");
        }
        value = value.toLowerCase(java.util.Locale.ROOT);
    }

    /** The name of this org's view of a tenant view, e.g. {@code 16581729_entity_operations}. */
    public String viewName(String tenantView) {
        return value + "_" + tenantView;
    }

    @Override
    public String toString() {
        return value;
    }
}
