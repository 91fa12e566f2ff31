-- Who runs the journeys, on what? Journey sessions per journey, device type and operating system, with the average
-- session length in minutes (sessions that have not ended are left out of the average).
SELECT
    journey_id,
    ifNull(device_type, '(unknown)') AS device,
    ifNull(os_type, '(unknown)') AS os,
    count() AS sessions,
    round(avg(dateDiff('second', start_time, end_time)) / 60, 1) AS avg_minutes
FROM journey_sessions_final
GROUP BY journey_id, device, os
ORDER BY journey_id, sessions DESC, device, os;
