-- How fast do journeys load? Per journey and day: number of loads and the 50th, 90th and 99th percentile load time
-- in milliseconds (journey_load_time events; `load_time_ms` is parsed from details.loadTime).
SELECT
    journey_id,
    day,
    loads,
    round(q[1]) AS p50_ms,
    round(q[2]) AS p90_ms,
    round(q[3]) AS p99_ms
FROM (
    SELECT
        journey_id,
        toDate(created_at) AS day,
        count() AS loads,
        quantiles(0.5, 0.9, 0.99)(load_time_ms) AS q
    FROM journey_events_final
    WHERE type = 'journey_load_time' AND load_time_ms IS NOT NULL
    GROUP BY journey_id, day
)
ORDER BY journey_id, day;
