-- Realistic tenant queries, grouped by construct and source. Each runs directly on the org's views and through both
-- doors, with the same rows (in the same order where the query orders them). One query per line.
-- group: data-lake docs
SELECT count(*) AS count, JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source, toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month FROM entity_operations WHERE schema = 'opportunity' AND operation = 'createEntity' GROUP BY journey_source, year, month ORDER BY month, journey_source
SELECT schema, count() AS n FROM current_entities_final GROUP BY schema ORDER BY schema
SELECT entity_id, _title FROM current_entities_final WHERE schema = 'opportunity' ORDER BY entity_id
SELECT operation, count() FROM entity_operations GROUP BY operation ORDER BY operation
SELECT toDate(timestamp) AS day, countIf(operation = 'createEntity') AS created, countIf(operation = 'deleteEntity') AS deleted FROM entity_operations GROUP BY day ORDER BY day
SELECT device_type, count() FROM journey_sessions_final GROUP BY device_type ORDER BY device_type
-- group: ClickHouse idioms
SELECT uniqExact(entity_id) FROM entity_operations
SELECT argMax(_title, timestamp) AS latest FROM entity_operations WHERE entity_id = 'e1'
SELECT quantile(0.5)(toUnixTimestamp(timestamp)) FROM entity_operations
SELECT groupArray(entity_id) FROM (SELECT entity_id FROM entity_operations ORDER BY activity_id)
SELECT arrayJoin(_tags) AS tag, count() FROM current_entities_final GROUP BY tag ORDER BY tag
SELECT if(operation = 'createEntity', 'new', 'changed') AS kind, count() FROM entity_operations GROUP BY kind ORDER BY kind
SELECT multiIf(schema = 'opportunity', 1, schema = 'contact', 2, 0) AS k, count() FROM entity_operations GROUP BY k ORDER BY k
SELECT [1, 2, 3] AS a, length(a) AS n FROM entity_operations LIMIT 1
SELECT toStartOfWeek(timestamp) AS w, count() FROM entity_operations GROUP BY w ORDER BY w
SELECT dateDiff('day', min(timestamp), max(timestamp)) FROM entity_operations
SELECT JSONExtractString(detail, 'payload', '_title') AS t FROM entity_operations ORDER BY activity_id
SELECT countIf(has(_tags, 't')) FROM current_entities_final
SELECT entity_id FROM current_entities_final WHERE has(_tags, 't') ORDER BY entity_id
SELECT count() FROM current_entities_final WHERE NOT has(_tags, 'absent')
SELECT count() FROM entity_operations WHERE position(detail, 'Wallbox') > 0
-- group: casts
SELECT CAST(count() AS Nullable(String)) FROM entity_operations
SELECT count()::String AS n FROM entity_operations
SELECT toDate(timestamp)::String AS d FROM entity_operations ORDER BY activity_id
SELECT '2024-01-10'::Date AS d
SELECT entity_id::LowCardinality(String) AS e FROM current_entities_final ORDER BY e
SELECT timestamp::DateTime64(3, 'UTC') AS t FROM entity_operations ORDER BY activity_id
SELECT 1::UInt8 + 2::UInt8 AS s
SELECT NULL::Nullable(String) AS x
-- group: ARRAY JOIN (ClickHouse docs)
SELECT entity_id, tag FROM current_entities_final ARRAY JOIN _tags AS tag ORDER BY entity_id, tag
SELECT entity_id, _tags FROM current_entities_final ARRAY JOIN _tags ORDER BY entity_id, _tags
SELECT entity_id, tag, n FROM current_entities_final LEFT ARRAY JOIN _tags AS tag, arrayEnumerate(_tags) AS n ORDER BY entity_id, n
SELECT tag, count() AS c FROM current_entities_final ARRAY JOIN _tags AS tag GROUP BY tag ORDER BY c DESC, tag
SELECT c.entity_id, tag FROM current_entities_final AS c INNER JOIN entity_operations AS e ON c.entity_id = e.entity_id ARRAY JOIN c._tags AS tag ORDER BY c.entity_id, tag, e.activity_id
-- group: LIMIT BY (ClickHouse docs: top rows per group)
SELECT schema, entity_id FROM entity_operations ORDER BY schema, activity_id LIMIT 1 BY schema
SELECT schema, entity_id FROM entity_operations ORDER BY schema, activity_id LIMIT 2 BY schema LIMIT 3
SELECT schema, operation, activity_id FROM entity_operations ORDER BY schema, operation, activity_id LIMIT 1 OFFSET 1 BY schema, operation
SELECT schema, operation, activity_id FROM entity_operations ORDER BY schema, operation, activity_id LIMIT 1, 1 BY schema, operation
-- group: WITH FILL, WITH TOTALS, WITH ROLLUP (ClickHouse docs: time series and totals)
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL
SELECT toStartOfMonth(timestamp) AS m, count() AS n FROM entity_operations GROUP BY m ORDER BY m WITH FILL STEP toIntervalMonth(1)
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d DESC WITH FILL STEP -1
SELECT schema, count() AS n FROM entity_operations GROUP BY schema WITH TOTALS ORDER BY schema
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY schema, operation WITH ROLLUP ORDER BY schema, operation, n
SELECT schema, count() AS n FROM entity_operations GROUP BY schema WITH CUBE ORDER BY schema, n
-- group: ClickHouse joins (strictness, GLOBAL, USING without parentheses)
SELECT e.activity_id, c.schema FROM entity_operations AS e ANY LEFT JOIN current_entities_final AS c ON e.entity_id = c.entity_id ORDER BY e.activity_id
SELECT e.activity_id FROM entity_operations AS e LEFT ANY JOIN current_entities_final AS c USING entity_id ORDER BY e.activity_id
SELECT count() FROM entity_operations AS e GLOBAL INNER JOIN current_entities_final AS c USING (entity_id)
SELECT count() FROM entity_operations AS e ALL INNER JOIN current_entities_final AS c ON e.entity_id = c.entity_id
SELECT count() FROM entity_operations AS e RIGHT SEMI JOIN current_entities_final AS c ON e.entity_id = c.entity_id
SELECT count() FROM entity_operations WHERE entity_id GLOBAL IN (SELECT entity_id FROM current_entities_final)
SELECT count() FROM entity_operations WHERE entity_id GLOBAL NOT IN (SELECT entity_id FROM current_entities_final)
SELECT a.entity_id, a.n, b.schema FROM (SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id) AS a JOIN (SELECT entity_id, schema FROM current_entities_final) AS b USING entity_id ORDER BY a.entity_id
-- group: scalar WITH (ClickHouse docs)
WITH 'opportunity' AS s SELECT count() FROM entity_operations WHERE schema = s
WITH (SELECT max(timestamp) FROM entity_operations) AS latest SELECT count() FROM entity_operations WHERE timestamp = latest
WITH toDate(timestamp) AS d SELECT d, count() AS n FROM entity_operations GROUP BY d ORDER BY d
WITH 2 AS k, c AS (SELECT entity_id FROM current_entities_final) SELECT count() * k AS twice FROM c
-- group: conditions as ClickHouse reads them
SELECT count() FROM entity_operations WHERE 1
SELECT count() FROM entity_operations WHERE 0
SELECT count() FROM entity_operations WHERE position(detail, 'Wallbox')
SELECT 1 WHERE 0
SELECT 'local' AS TABLE_CAT WHERE 1 = 0
SELECT CAST(NULL, 'Nullable(String)') AS TABLE_CAT, CAST(NULL, 'Nullable(String)') AS REMARKS WHERE (1 == 0)
-- group: BI tools (DataGrip, DBeaver, Power BI)
SELECT "entity_id", "schema" FROM "entity_operations" WHERE "schema" = 'contact'
SELECT count(*) FROM entity_operations WHERE timestamp >= toDateTime('2024-01-01 00:00:00')
SELECT count() FROM entity_operations WHERE schema == 'opportunity'
SELECT "_"."schema", count(*) AS "a0" FROM "current_entities_final" AS "_" GROUP BY "_"."schema" ORDER BY "_"."schema"
SELECT t.entity_id FROM (SELECT entity_id FROM current_entities_final) AS t ORDER BY t.entity_id LIMIT 1000
-- group: grouping and set operations
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY ROLLUP(schema, operation) ORDER BY schema, operation, n
SELECT schema, count() AS n FROM entity_operations GROUP BY CUBE(schema) ORDER BY schema, n
SELECT schema FROM (SELECT schema FROM entity_operations UNION DISTINCT SELECT schema FROM current_entities_final) ORDER BY schema
SELECT entity_id FROM (SELECT entity_id FROM entity_operations UNION ALL SELECT entity_id FROM current_entities_final) ORDER BY entity_id
-- group: session functions
SELECT currentDatabase() AS db
SELECT database()
-- group: tuples, semi and anti joins, TOP
SELECT tuple(entity_id, 2).2 AS x FROM entity_operations ORDER BY activity_id
SELECT argMax(tuple(_title, entity_id), timestamp).2 AS latest FROM current_entities_final
SELECT tuple(1, tuple(2, 3)).2.1
SELECT e.entity_id FROM entity_operations AS e LEFT SEMI JOIN current_entities_final AS c ON e.entity_id = c.entity_id ORDER BY e.entity_id
SELECT e.entity_id FROM entity_operations AS e LEFT ANTI JOIN current_entities_final AS c ON e.entity_id = c.entity_id ORDER BY e.entity_id
SELECT TOP 2 entity_id FROM entity_operations ORDER BY entity_id
SELECT TOP 1 schema, count() AS n FROM entity_operations GROUP BY schema ORDER BY n DESC
