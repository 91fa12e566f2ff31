-- Reference query 2: the sessions of one journey that started after a date, with their browser details (JSON).
-- Replace the journey id with one of yours (SELECT DISTINCT journey_id FROM journey_sessions_final).
SELECT journey_id, start_time, details
FROM journey_sessions_final
WHERE journey_id = '9e6f3c1a-2b4d-4e8f-a1c3-5d7e9f0b2c4d' AND start_time > '2024-08-01 00:00:00';
