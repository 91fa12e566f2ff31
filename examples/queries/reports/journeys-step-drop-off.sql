-- Where do visitors give up? Each session's furthest step (from step navigation and exit events; 1 if it never
-- left the first step), then per journey and step: sessions that got no further, and how many of them never
-- submitted.
SELECT
    journey_id,
    furthest_step,
    count() AS sessions,
    countIf(submits = 0) AS dropped_off,
    round(100 * countIf(submits = 0) / count(), 1) AS drop_off_pct
FROM (
    SELECT
        journey_id,
        session_id,
        max(greatest(1, ifNull(from_step_number, 0), ifNull(to_step_number, 0), ifNull(step_number, 0)))
            AS furthest_step,
        countIf(type = 'journey_submit') AS submits
    FROM journey_events_final
    GROUP BY journey_id, session_id
)
GROUP BY journey_id, furthest_step
ORDER BY journey_id, furthest_step;
