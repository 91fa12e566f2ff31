package io.lakegate.schema.data;

import java.util.List;
import java.util.Map;

import static io.lakegate.schema.data.Json.obj;

/**
 * Journey sessions and their events, as funnels: {@code journey_load_time} first, then {@code step_navigation}
 * forward one step at a time (step numbers 1, 2, 3, ... strictly increasing), each step reached with a fixed
 * chance, then {@code journey_submit} (only from the last step) or {@code journey_exit}. About a third of the
 * sessions also get the earlier open snapshot (no end_time) the source sent before the session ended.
 */
final class JourneyGenerator {
    static final String SESSIONS = "journey_sessions";
    static final String EVENTS = "journey_events";
    private static final long NULL = Long.MIN_VALUE;

    private final OrgData org;
    private final Row row = new Row();

    JourneyGenerator(OrgData org) {
        this.org = org;
    }

    void generate(int from, int to, Sinks sinks) {
        for (int i = from; i < to; i++) {
            session(i, sinks);
        }
    }

    private void session(int index, Sinks sinks) {
        Rng rng = Rng.derive(org.seed, org.org, "journey-session", index);
        OrgData.Journey journey = org.journey(rng);
        long start = org.from + rng.nextLong(Math.max(1, org.to - org.from - 3_600_000));
        String id = rng.uuid();
        Map<String, Object> details = BrowserDetails.common(rng);
        boolean embedded = rng.chance(0.7);
        details.put("embeddedIn", embedded ? "https://www." + org.domain + "/" + journey.slug() : null);
        details.put("isLauncherJourney", rng.chance(0.1));

        TableInserter events = sinks.get(EVENTS);
        long t = start + 300 + rng.nextInt(3_700);
        event(events, rng, id, journey, "journey_load_time", obj("loadTime", (t - start) * 1.0), t);
        List<String> steps = journey.steps();
        int step = 1;
        while (step < steps.size() && rng.chance(0.8)) {
            t += 2_000 + (long) rng.exponential(40_000);
            event(events, rng, id, journey, "step_navigation", obj(
                    "fromStepName", steps.get(step - 1), "fromStepNumber", step,
                    "toStepName", steps.get(step), "toStepNumber", step + 1), t);
            step++;
        }
        t += 2_000 + (long) rng.exponential(30_000);
        boolean submit = step == steps.size() && rng.chance(0.85);
        event(events, rng, id, journey, submit ? "journey_submit" : "journey_exit",
                obj("stepNumber", step, "stepName", steps.get(step - 1)), t);
        long end = t;
        if (rng.chance(0.35)) {
            sessionRow(sinks, id, journey, start, NULL, details, start);
        }
        sessionRow(sinks, id, journey, start, end, details, end);
    }

    private void event(TableInserter out, Rng rng, String sessionId, OrgData.Journey journey, String type,
                       Map<String, Object> details, long at) {
        out.add(row.begin()
                .put("id", rng.uuid())
                .put("org_id", org.org)
                .put("session_id", sessionId)
                .put("journey_id", journey.id())
                .put("type", type)
                .json("details", details)
                .time("created_at", at)
                .end());
    }

    private void sessionRow(Sinks sinks, String id, OrgData.Journey journey, long start, long end,
                            Map<String, Object> details, long updated) {
        sinks.get(SESSIONS).add(row.begin()
                .put("id", id)
                .put("org_id", org.org)
                .put("journey_id", journey.id())
                .time("start_time", start)
                .time("end_time", end)
                .json("details", details)
                .time("last_updated_at", updated)
                .end());
    }
}
