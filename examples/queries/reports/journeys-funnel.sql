-- Journey funnel: of the sessions that loaded each journey, how many then reached step 2, step 3 and submitted,
-- in that order and within one hour? windowFunnel gives each session the number of funnel steps it completed.
-- The step columns are NULL on events of other types: ifNull keeps every condition a plain true or false.
SELECT
    journey_id,
    countIf(level >= 1) AS loaded,
    countIf(level >= 2) AS reached_step_2,
    countIf(level >= 3) AS reached_step_3,
    countIf(level >= 4) AS submitted
FROM (
    SELECT
        journey_id,
        session_id,
        windowFunnel(3600)(
            toDateTime(created_at),
            type = 'journey_load_time',
            type = 'step_navigation' AND ifNull(to_step_number, 0) = 2,
            type = 'step_navigation' AND ifNull(to_step_number, 0) = 3,
            type = 'journey_submit'
        ) AS level
    FROM journey_events_final
    GROUP BY journey_id, session_id
)
GROUP BY journey_id
ORDER BY loaded DESC, journey_id;
