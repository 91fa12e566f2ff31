-- Which devices do portal users use? Sessions per app and device type, with the average session length in minutes
-- (sessions that have not ended are left out of the average).
SELECT
    app_name,
    ifNull(device_type, '(unknown)') AS device,
    count() AS sessions,
    round(avg(dateDiff('second', start_time, end_time)) / 60, 1) AS avg_minutes
FROM portal_sessions_final
GROUP BY app_name, device
ORDER BY app_name, sessions DESC, device;
