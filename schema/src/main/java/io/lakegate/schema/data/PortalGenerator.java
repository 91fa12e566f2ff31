package io.lakegate.schema.data;

import java.util.List;
import java.util.Map;

import static io.lakegate.schema.data.Json.obj;

/**
 * Portal sessions (end-customer portal and installer portal) and their events over all 38 event types. A session
 * starts with {@code user_logged_in} (sometimes after {@code user_registered}), continues with events drawn by
 * weight (navigation most often), and often ends with {@code user_logged_out}. Event details use the keys the
 * {@code tenant_portal_events} view parses: url, path, entityId, entitySchema, documentName, link, journeyId,
 * attribute (see docs/data.md); entity events reference existing entities of the right schema.
 */
final class PortalGenerator {
    static final String SESSIONS = "portal_sessions";
    static final String EVENTS = "portal_events";
    private static final long NULL = Long.MIN_VALUE;

    /** All 38 event types of the data model. */
    static final List<String> EVENT_TYPES = List.of("user_logged_in", "user_registered", "user_logged_out",
            "user_account_deleted", "user_email_changed", "password_changed", "page_navigation",
            "add_contract_initiated", "contract_added", "contract_viewed", "contracts_listing_viewed",
            "contract_due_date_changed", "contract_payment_rate_changed", "order_viewed", "orders_listing_viewed",
            "order_accepted", "order_refused", "opportunity_viewed", "opportunities_listing_viewed",
            "document_uploaded", "document_downloaded", "document_deleted", "documents_listing_viewed",
            "all_documents_downloaded", "meter_viewed", "meters_listing_viewed", "meter_widget_viewed",
            "meter_reading_submission_initiated", "meter_reading_submitted", "journey_opened", "journey_closed",
            "additional_info_update_initiated", "additional_info_updated", "additional_info_viewed",
            "payments_listing_viewed", "product_viewed", "teaser_opened", "external_website_opened");

    /** The types drawn in the middle of a session, and how often. */
    private static final String[] MIDDLE = {"page_navigation", "add_contract_initiated", "contract_added",
        "contract_viewed", "contracts_listing_viewed", "contract_due_date_changed", "contract_payment_rate_changed",
        "order_viewed", "orders_listing_viewed", "order_accepted", "order_refused", "opportunity_viewed",
        "opportunities_listing_viewed", "document_uploaded", "document_downloaded", "document_deleted",
        "documents_listing_viewed", "all_documents_downloaded", "meter_viewed", "meters_listing_viewed",
        "meter_widget_viewed", "meter_reading_submission_initiated", "meter_reading_submitted", "journey_opened",
        "journey_closed", "additional_info_update_initiated", "additional_info_updated", "additional_info_viewed",
        "payments_listing_viewed", "product_viewed", "teaser_opened", "external_website_opened",
        "user_email_changed", "password_changed"};
    private static final double[] WEIGHTS = {30, 1.5, 1, 6, 5, 1, 1, 3, 3, 1, 0.7, 2, 2, 2, 4, 0.7, 3, 1, 4, 3, 4,
        1.5, 1.5, 1.5, 1.2, 1, 1, 2, 2.5, 2, 1.5, 1.5, 0.6, 0.8};
    private static final String[] PAGES = {"/dashboard", "/contracts", "/orders", "/documents", "/meters",
        "/payments", "/opportunities", "/account", "/products", "/help", "/account/settings"};
    private static final String[] ATTRIBUTES = {"phone", "preferred_contact_time", "iban", "tax_id", "roof_type",
        "heating_system", "installation_date"};
    private static final String[] EXTERNAL = {"https://www.bafa.de/foerderung", "https://www.kfw.de/442",
        "https://www.verbraucherzentrale.de/energie", "https://www.bundesnetzagentur.de",
        "https://www.youtube.com/watch?v=wallbox-tutorial"};

    private final OrgData org;
    private final Row row = new Row();

    PortalGenerator(OrgData org) {
        this.org = org;
    }

    void generate(int from, int to, Sinks sinks) {
        for (int i = from; i < to; i++) {
            session(i, sinks);
        }
    }

    private void session(int index, Sinks sinks) {
        Rng rng = Rng.derive(org.seed, org.org, "portal-session", index);
        String app = rng.chance(0.75) ? "END_CUSTOMER_PORTAL" : "INSTALLER_PORTAL";
        long start = org.from + rng.nextLong(Math.max(1, org.to - org.from - 3_600_000));
        String id = rng.uuid();
        String host = (app.equals("END_CUSTOMER_PORTAL") ? "portal." : "partner.") + org.domain;
        Map<String, Object> details = BrowserDetails.common(rng);
        details.put("email", Names.email(rng.pick(Names.FIRST), rng.pick(Names.LAST), rng));
        details.put("domainName", host);
        details.put("referrer", rng.pick(new String[] {"", "https://www.google.com/", "https://www." + org.domain + "/",
            "https://mail.google.com/", "android-app://com.google.android.gm/"}));

        TableInserter events = sinks.get(EVENTS);
        String base = "https://" + host;
        long t = start + 1_000 + rng.nextInt(20_000);
        if (rng.chance(0.06)) {
            event(events, rng, id, app, "user_registered", obj(), t);
            t += 5_000 + (long) rng.exponential(60_000);
        }
        event(events, rng, id, app, "user_logged_in", obj(), t);
        String page = "/dashboard";
        int n = 2 + (int) rng.exponential(7);
        for (int i = 0; i < n; i++) {
            t += 1_000 + (long) rng.exponential(25_000);
            String type = MIDDLE[rng.weighted(WEIGHTS)];
            if (type.equals("page_navigation")) {
                page = rng.pick(PAGES);
            }
            event(events, rng, id, app, type, details(type, rng, base, page, t), t);
        }
        t += 1_000 + (long) rng.exponential(20_000);
        if (rng.chance(0.015)) {
            event(events, rng, id, app, "user_account_deleted", obj(), t);
        } else if (rng.chance(0.45)) {
            event(events, rng, id, app, "user_logged_out", obj(), t);
        }
        long end = t + rng.nextInt(5_000);
        if (rng.chance(0.3)) {
            sessionRow(sinks, id, app, start, NULL, details, start);
        }
        sessionRow(sinks, id, app, start, end, details, end);
    }

    private Map<String, Object> details(String type, Rng rng, String base, String page, long at) {
        return switch (type) {
            case "page_navigation" -> obj("url", base + page, "path", page);
            case "external_website_opened" -> obj("url", base + page, "link", rng.pick(EXTERNAL));
            case "teaser_opened" -> obj("link", base + "/teaser/" + rng.pick(new String[] {"wallbox", "pv",
                "waermepumpe", "oekostrom"}), "teaserTitle", rng.pick(new String[] {"Jetzt Wallbox sichern",
                "Solar lohnt sich", "Heizen mit Wärmepumpe", "100% Ökostrom"}));
            case "contracts_listing_viewed", "orders_listing_viewed", "opportunities_listing_viewed",
                 "documents_listing_viewed", "meters_listing_viewed", "payments_listing_viewed",
                 "add_contract_initiated" -> obj("url", base + page, "path", page);
            case "contract_added", "contract_viewed" -> entity(rng, "contract", at);
            case "contract_due_date_changed" -> with(entity(rng, "contract", at), "dueDay", rng.between(1, 28));
            case "contract_payment_rate_changed" -> with(entity(rng, "contract", at), "paymentRate",
                    (double) rng.between(25, 250));
            case "order_viewed", "order_accepted", "order_refused" -> entity(rng, "order", at);
            case "opportunity_viewed" -> entity(rng, "opportunity", at);
            case "product_viewed" -> entity(rng, "product", at);
            case "meter_viewed", "meter_widget_viewed", "meter_reading_submission_initiated" ->
                    entity(rng, "meter", at);
            case "meter_reading_submitted" -> with(entity(rng, "meter", at), "reading", (long) rng.between(100,
                    90_000));
            case "document_uploaded", "document_downloaded", "document_deleted" -> {
                EntityCatalog.Spec file = org.entities.pick(rng, "file", at);
                yield obj("entityId", file.id(), "entitySchema", "file", "documentName", file.title());
            }
            case "all_documents_downloaded" -> obj("entitySchema", "file", "documentCount", rng.between(2, 12));
            case "journey_opened", "journey_closed" -> {
                OrgData.Journey journey = org.journey(rng);
                yield obj("journeyId", journey.id(), "journeyName", journey.name());
            }
            case "additional_info_update_initiated", "additional_info_updated", "additional_info_viewed" ->
                    obj("attribute", rng.pick(ATTRIBUTES));
            default -> obj();
        };
    }

    private Map<String, Object> entity(Rng rng, String schema, long at) {
        EntityCatalog.Spec spec = org.entities.pick(rng, schema, at);
        return obj("entityId", spec.id(), "entitySchema", schema);
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    private void event(TableInserter out, Rng rng, String sessionId, String app, String type,
                       Map<String, Object> details, long at) {
        out.add(row.begin()
                .put("id", rng.uuid())
                .put("org_id", org.org)
                .put("session_id", sessionId)
                .put("app_name", app)
                .put("type", type)
                .json("details", details)
                .time("created_at", at)
                .end());
    }

    private void sessionRow(Sinks sinks, String id, String app, long start, long end, Map<String, Object> details,
                            long updated) {
        sinks.get(SESSIONS).add(row.begin()
                .put("id", id)
                .put("org_id", org.org)
                .put("app_name", app)
                .time("start_time", start)
                .time("end_time", end)
                .json("details", details)
                .time("last_updated_at", updated)
                .end());
    }
}
