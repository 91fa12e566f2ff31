package io.lakegate.schema.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.lakegate.schema.data.Json.obj;

/**
 * Entity operations: for each entity of the catalog a createEntity, its updateEntity operations and sometimes a final
 * deleteEntity, at the catalog's (monotone) times. Each operation's detail is the EntityOperation event: the full
 * entity after the operation as {@code payload} (system attributes + schema attributes) and the {@code diff}.
 */
final class EntityGenerator {
    static final String TABLE = "entity_operations";

    private final OrgData org;
    private final Row row = new Row();

    EntityGenerator(OrgData org) {
        this.org = org;
    }

    /** Writes the histories of entities {@code [from, to)}. */
    void generate(int from, int to, TableInserter out) {
        for (int i = from; i < to; i++) {
            history(org.entities.spec(i), out);
        }
    }

    private void history(EntityCatalog.Spec spec, TableInserter out) {
        Rng rng = Rng.derive(org.seed, org.org, "entity-body", spec.index());
        Map<String, Object> attributes = initialAttributes(spec, rng);
        List<String> tags = new ArrayList<>();
        int tagCount = rng.nextInt(3);
        for (int i = 0; i < tagCount; i++) {
            String tag = rng.pick(Names.TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<String> purpose = rng.chance(0.6) ? List.of(rng.pick(Names.PURPOSES)) : List.of();
        long[] times = spec.times();
        int last = times.length - 1;
        for (int op = 0; op <= last; op++) {
            long t = times[op];
            String operation;
            Map<String, Object> added = new LinkedHashMap<>();
            Map<String, Object> updated = new LinkedHashMap<>();
            Map<String, Object> removed = new LinkedHashMap<>();
            if (op == 0) {
                operation = "createEntity";
                added.putAll(attributes);
                if (!tags.isEmpty()) {
                    added.put("_tags", List.copyOf(tags));
                }
            } else if (op == last && spec.deleted()) {
                operation = "deleteEntity";
                updated.put("_deleted_at", Timestamps.iso(t));
            } else {
                operation = "updateEntity";
                update(spec, rng, attributes, updated, removed);
                if (rng.chance(0.15)) {
                    String tag = rng.pick(Names.TAGS);
                    if (!tags.contains(tag)) {
                        tags.add(tag);
                        updated.put("_tags", List.copyOf(tags));
                    }
                }
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("_id", spec.id());
            payload.put("_org", org.org);
            payload.put("_schema", spec.schema());
            payload.put("_title", spec.title());
            payload.put("_tags", tags);
            payload.put("_created_at", Timestamps.iso(times[0]));
            payload.put("_updated_at", Timestamps.iso(t));
            payload.put("_deleted_at", operation.equals("deleteEntity") ? Timestamps.iso(t) : null);
            payload.put("_owners", List.of(obj("org_id", org.org, "user_id", spec.owner())));
            List<String> acl = List.of("org:" + org.org);
            Map<String, Object> aclMap = new LinkedHashMap<>();
            aclMap.put("view", acl);
            aclMap.put("edit", acl);
            aclMap.put("delete", acl);
            payload.put("_acl", aclMap);
            payload.put("_purpose", purpose);
            payload.putAll(attributes);

            String activityId = rng.ulid(t);
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("added", added);
            diff.put("updated", updated);
            diff.put("deleted", removed);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("entity", spec.id());
            detail.put("org", org.org);
            detail.put("activity_id", activityId);
            detail.put("operation", operation);
            detail.put("params", obj("id", spec.id(), "slug", spec.schema()));
            detail.put("payload", payload);
            detail.put("diff", diff);

            out.add(row.begin()
                    .put("activity_id", activityId)
                    .put("entity_id", spec.id())
                    .put("org_id", org.org)
                    .put("operation", operation)
                    .put("schema", spec.schema())
                    .time("timestamp", t)
                    .json("detail", detail)
                    .end());
        }
    }

    private Map<String, Object> initialAttributes(EntityCatalog.Spec spec, Rng rng) {
        Map<String, Object> a = new LinkedHashMap<>();
        String email = Names.email(spec.first(), spec.last(), rng);
        switch (spec.schema()) {
            case "opportunity" -> {
                a.put("opportunity_number", "OPP-" + spec.number());
                a.put("status", "open");
                a.put("customer", obj("first_name", spec.first(), "last_name", spec.last(), "email", email));
                a.put("value", obj("amount", money(rng, 800, 45_000), "currency", "EUR"));
                a.put("probability", rng.pick(new Integer[] {10, 25, 50, 75, 90}));
                a.put("expected_close_at", Timestamps.iso(spec.createdAt() + (long) rng.between(7, 120) * 86_400_000));
                a.put("products", rng.chance(0.5) ? List.of(rng.pick(PRODUCTS)) : List.of(rng.pick(PRODUCTS),
                        rng.pick(PRODUCTS)));
                if (spec.journey() != null) {
                    a.put("source", obj("title", spec.journey().name(), "id", spec.journey().id(),
                            "type", "journey"));
                } else {
                    a.put("source", null);
                }
            }
            case "contact" -> {
                a.put("first_name", spec.first());
                a.put("last_name", spec.last());
                a.put("email", List.of(obj("email", email, "_tags", List.of("primary"))));
                a.put("phone", List.of(obj("phone", Names.phone(rng))));
                a.put("address", address(rng));
                a.put("consent_newsletter", rng.chance(0.35));
                a.put("birth_date", Timestamps.date(spec.createdAt() - (long) rng.between(20 * 365, 80 * 365)
                        * 86_400_000));
                a.put("preferred_channel", rng.pick(new String[] {"email", "phone", "portal"}));
            }
            case "account" -> {
                a.put("name", spec.title());
                a.put("tax_id", "DE" + rng.between(100_000_000, 999_999_999));
                a.put("industry", rng.pick(new String[] {"Handwerk", "Energie", "Immobilien", "Industrie",
                    "Handel"}));
                a.put("employees", rng.between(1, 2_500));
                a.put("customer_since", Timestamps.date(spec.createdAt() - (long) rng.between(0, 3_000) * 86_400_000));
                a.put("address", address(rng));
            }
            case "order" -> {
                a.put("order_number", "B-" + spec.number());
                a.put("status", "placed");
                a.put("total_amount", obj("value", money(rng, 50, 25_000), "currency", "EUR"));
                a.put("line_items_count", rng.between(1, 6));
                a.put("placed_at", Timestamps.iso(spec.createdAt()));
                a.put("payment_method", rng.pick(new String[] {"sepa", "invoice", "credit_card", "paypal"}));
                List<Object> items = new ArrayList<>();
                for (int i = rng.between(1, 3); i > 0; i--) {
                    items.add(obj("product", rng.pick(PRODUCTS), "quantity", rng.between(1, 4)));
                }
                a.put("line_items", items);
            }
            case "product" -> {
                a.put("name", spec.title());
                a.put("code", "P-" + spec.number());
                a.put("type", rng.chance(0.5) ? "product" : "service");
                a.put("price", obj("amount", money(rng, 20, 15_000), "currency", "EUR"));
                a.put("active", true);
                a.put("categories", rng.chance(0.5) ? List.of("energy") : List.of("energy", rng.pick(new String[] {
                    "mobility", "heating", "solar"})));
                a.put("vat_rate", rng.chance(0.8) ? 19 : 7);
            }
            case "contract" -> {
                a.put("contract_number", "V-" + spec.number());
                a.put("status", "active");
                a.put("start_date", Timestamps.date(spec.createdAt() + 14L * 86_400_000));
                a.put("billing_period", rng.pick(new String[] {"monthly", "quarterly", "yearly"}));
                a.put("installment_amount", money(rng, 25, 250));
                a.put("billing_due_day", rng.between(1, 28));
                a.put("end_date", Timestamps.date(spec.createdAt() + (14L + 365L * rng.between(1, 3)) * 86_400_000));
                a.put("auto_renewal", rng.chance(0.7));
            }
            case "meter" -> {
                a.put("ma_lo_id", String.valueOf(50_000_000_000L + rng.nextLong(49_999_999_999L)));
                a.put("meter_number", "1ESY" + spec.number());
                a.put("meter_type", rng.pick(new String[] {"power", "gas", "water", "heat"}));
                a.put("unit", "kWh");
                a.put("last_reading", (long) rng.between(100, 90_000));
                a.put("last_reading_at", Timestamps.iso(spec.createdAt()));
                a.put("recent_readings", List.of((long) rng.between(100, 45_000), (long) rng.between(45_000, 90_000)));
            }
            default -> {
                a.put("filename", spec.title());
                a.put("mime_type", "application/pdf");
                a.put("size_bytes", (long) rng.between(20_000, 8_000_000));
                a.put("uploaded_at", Timestamps.iso(spec.createdAt()));
                a.put("s3ref", obj("bucket", "files-" + org.org, "key", spec.id() + "/" + spec.title()));
            }
        }
        return a;
    }

    private static final String[] PRODUCTS = {"wallbox_11kw", "wallbox_22kw", "pv_module_420", "battery_10kwh",
        "heat_pump_9kw", "green_power_basic", "green_power_flex", "gas_comfort"};

    /** An amount in euros with cents (never a whole number: BI tools should see money as a decimal type). */
    private static double money(Rng rng, int min, int max) {
        return rng.between(min, max) + rng.between(1, 99) / 100.0;
    }

    private static Map<String, Object> address(Rng rng) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("street", rng.pick(Names.STREETS));
        m.put("street_number", String.valueOf(rng.between(1, 180)));
        m.put("postal_code", String.format("%05d", rng.between(1067, 99998)));
        m.put("city", rng.pick(Names.CITIES));
        m.put("country", "DE");
        return m;
    }

    /** Changes one or two attributes the way users do; records the changes in {@code updated} / {@code removed}. */
    private void update(EntityCatalog.Spec spec, Rng rng, Map<String, Object> a, Map<String, Object> updated,
                        Map<String, Object> removed) {
        switch (spec.schema()) {
            case "opportunity" -> {
                String status = rng.pick(new String[] {"in_progress", "in_progress", "offer_sent", "won", "lost"});
                set(a, updated, "status", status);
                if (rng.chance(0.4)) {
                    set(a, updated, "value", obj("amount", money(rng, 800, 45_000), "currency", "EUR"));
                }
            }
            case "contact" -> {
                if (a.containsKey("phone") && rng.chance(0.15)) {
                    removed.put("phone", a.remove("phone"));
                } else if (rng.chance(0.5)) {
                    set(a, updated, "address", address(rng));
                } else {
                    set(a, updated, "consent_newsletter", rng.chance(0.5));
                }
            }
            case "account" -> set(a, updated, "industry", rng.pick(new String[] {"Handwerk", "Energie", "Handel"}));
            case "order" -> set(a, updated, "status", rng.pick(new String[] {"confirmed", "shipped", "delivered",
                "cancelled"}));
            case "product" -> set(a, updated, "price", obj("amount", money(rng, 20, 15_000), "currency", "EUR"));
            case "contract" -> {
                if (rng.chance(0.5)) {
                    set(a, updated, "installment_amount", money(rng, 25, 250));
                } else {
                    set(a, updated, "billing_due_day", rng.between(1, 28));
                }
            }
            case "meter" -> set(a, updated, "last_reading", ((Number) a.getOrDefault("last_reading", 0L)).longValue()
                    + rng.between(10, 2_000));
            default -> set(a, updated, "size_bytes", (long) rng.between(20_000, 8_000_000));
        }
    }

    private static void set(Map<String, Object> a, Map<String, Object> updated, String key, Object value) {
        a.put(key, value);
        updated.put(key, value);
    }
}
