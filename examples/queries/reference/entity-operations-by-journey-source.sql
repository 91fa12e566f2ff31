-- Reference query 1: how many opportunities were created per journey source (the journey an opportunity came
-- from), year and month? Written exactly as tenants run it: through the gateway, `entity_operations` is the org's
-- own event stream (one row per operation, re-delivered events counted once).
SELECT count(*) AS count,
       JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source,
       toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month
FROM entity_operations
WHERE schema = 'opportunity' AND operation = 'createEntity'
GROUP BY journey_source, year, month;
