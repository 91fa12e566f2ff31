-- Opportunities per journey source per month: the reference query with the typed column `source_title`
-- (payload.source.title, parsed at insert) instead of parsing the JSON on every read.
SELECT
    toStartOfMonth(timestamp) AS month,
    ifNull(source_title, '(no journey)') AS journey_source,
    count() AS opportunities_created
FROM entity_operations
WHERE schema = 'opportunity' AND operation = 'createEntity'
GROUP BY month, journey_source
ORDER BY month, opportunities_created DESC, journey_source;
