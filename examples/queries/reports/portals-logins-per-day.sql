-- How many people log in each day? Logins (user_logged_in events) per day and app, and distinct users counted by
-- the e-mail of the session they logged in with.
SELECT
    toDate(e.created_at) AS day,
    e.app_name AS app_name,
    count() AS logins,
    uniqExact(s.email) AS users
FROM portal_events_final AS e
LEFT JOIN portal_sessions_final AS s ON s.id = e.session_id
WHERE e.type = 'user_logged_in'
GROUP BY day, e.app_name
ORDER BY day, e.app_name;
