-- What do portal users do? Per month, app (END_CUSTOMER_PORTAL, INSTALLER_PORTAL) and event type: how many events
-- and in how many distinct sessions.
SELECT
    toStartOfMonth(created_at) AS month,
    app_name,
    type AS event_type,
    count() AS events,
    uniqExact(session_id) AS sessions
FROM portal_events_final
GROUP BY month, app_name, event_type
ORDER BY month, app_name, events DESC, event_type;
