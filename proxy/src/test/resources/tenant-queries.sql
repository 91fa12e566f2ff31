-- Realistic tenant queries, grouped by construct and source. Each runs directly on the org's views and through both
-- doors, with the same rows (in the same order where the query orders them). One query per line. A line
-- "-- not yet: <query>" is a query valid on the views that the gateway does not read yet: both doors must refuse it
-- with a clear error (TenantQueryCorpusIT.whatTheGatewayDoesNotReadYetIsRefusedClearly); there is none today.
-- group: reference queries (data-lake docs)
SELECT count(*) AS count, JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source, toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month FROM entity_operations WHERE schema = 'opportunity' AND operation = 'createEntity' GROUP BY journey_source, year, month ORDER BY month, journey_source
SELECT schema, count() AS n FROM current_entities_final GROUP BY schema ORDER BY schema
SELECT entity_id, _title FROM current_entities_final WHERE schema = 'opportunity' ORDER BY entity_id
SELECT operation, count() FROM entity_operations GROUP BY operation ORDER BY operation
SELECT toDate(timestamp) AS day, countIf(operation = 'createEntity') AS created, countIf(operation = 'deleteEntity') AS deleted FROM entity_operations GROUP BY day ORDER BY day
SELECT device_type, count() FROM journey_sessions_final GROUP BY device_type ORDER BY device_type
SELECT count(*) AS count, JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source, toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month FROM entity_operations WHERE schema = 'opportunity' AND operation = 'createEntity' GROUP BY journey_source, year, month
SELECT journey_id, start_time, details FROM journey_sessions_final WHERE journey_id = 'j1' AND start_time > '2024-08-01 00:00:00'
SELECT entity_id, _title, source_title FROM current_entities_final WHERE schema = 'opportunity' AND source_title = 'Wallbox' ORDER BY entity_id
SELECT status, count() AS n FROM workflow_executions_final GROUP BY status ORDER BY status
SELECT t.status, count() AS n FROM workflow_tasks_final AS t WHERE t.enabled GROUP BY t.status ORDER BY t.status
SELECT type, count() AS n FROM portal_events_final WHERE app_name = 'END_CUSTOMER_PORTAL' GROUP BY type ORDER BY type
SELECT closing_reason_title, count() AS n FROM workflow_cancellations_final GROUP BY closing_reason_title ORDER BY n DESC
SELECT context_entity_schema, uniqExact(workflow_execution_id) AS executions FROM workflow_contexts_final GROUP BY context_entity_schema ORDER BY context_entity_schema
SELECT app_name, count() AS sessions, uniqExact(email) AS users FROM portal_sessions_final GROUP BY app_name ORDER BY app_name
-- group: ClickHouse idioms (ClickHouse docs, tenants' queries)
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
-- group: casts: CAST and :: (ClickHouse docs, Power BI)
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
-- group: conditions as ClickHouse reads them (ClickHouse docs, DataGrip and DBeaver probes)
SELECT count() FROM entity_operations WHERE 1
SELECT count() FROM entity_operations WHERE 0
SELECT count() FROM entity_operations WHERE position(detail, 'Wallbox')
SELECT 1 WHERE 0
SELECT 'local' AS TABLE_CAT WHERE 1 = 0
SELECT CAST(NULL, 'Nullable(String)') AS TABLE_CAT, CAST(NULL, 'Nullable(String)') AS REMARKS WHERE (1 == 0)
-- group: double-quoted names and "_" aliases (DataGrip, DBeaver, Power BI)
SELECT "entity_id", "schema" FROM "entity_operations" WHERE "schema" = 'contact'
SELECT count(*) FROM entity_operations WHERE timestamp >= toDateTime('2024-01-01 00:00:00')
SELECT count() FROM entity_operations WHERE schema == 'opportunity'
SELECT "_"."schema", count(*) AS "a0" FROM "current_entities_final" AS "_" GROUP BY "_"."schema" ORDER BY "_"."schema"
SELECT t.entity_id FROM (SELECT entity_id FROM current_entities_final) AS t ORDER BY t.entity_id LIMIT 1000
-- group: ROLLUP, CUBE and set operations (ClickHouse docs)
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY ROLLUP(schema, operation) ORDER BY schema, operation, n
SELECT schema, count() AS n FROM entity_operations GROUP BY CUBE(schema) ORDER BY schema, n
SELECT schema FROM (SELECT schema FROM entity_operations UNION DISTINCT SELECT schema FROM current_entities_final) ORDER BY schema
SELECT entity_id FROM (SELECT entity_id FROM entity_operations UNION ALL SELECT entity_id FROM current_entities_final) ORDER BY entity_id
-- group: session functions (DataGrip, DBeaver)
SELECT currentDatabase() AS db
SELECT database()
-- group: tuples, SEMI and ANTI joins, TOP (ClickHouse docs, Power BI)
SELECT tuple(entity_id, 2).2 AS x FROM entity_operations ORDER BY activity_id
SELECT argMax(tuple(_title, entity_id), timestamp).2 AS latest FROM current_entities_final
SELECT tuple(1, tuple(2, 3)).2.1
SELECT e.entity_id FROM entity_operations AS e LEFT SEMI JOIN current_entities_final AS c ON e.entity_id = c.entity_id ORDER BY e.entity_id
SELECT e.entity_id FROM entity_operations AS e LEFT ANTI JOIN current_entities_final AS c ON e.entity_id = c.entity_id ORDER BY e.entity_id
SELECT TOP 2 entity_id FROM entity_operations ORDER BY entity_id
SELECT TOP 1 schema, count() AS n FROM entity_operations GROUP BY schema ORDER BY n DESC
-- group: funnels and sequences (analytics products: windowFunnel, sequenceMatch, sequenceCount)
SELECT entity_id, windowFunnel(2678400)(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity', operation = 'deleteEntity') AS level FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT level, count() AS entities FROM (SELECT entity_id, windowFunnel(2678400)(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity') AS level FROM entity_operations WHERE schema = 'opportunity' GROUP BY entity_id) GROUP BY level ORDER BY level
SELECT countIf(level >= 1) AS created, countIf(level >= 2) AS updated, countIf(level >= 3) AS deleted FROM (SELECT entity_id, windowFunnel(5184000)(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity', operation = 'deleteEntity') AS level FROM entity_operations GROUP BY entity_id)
SELECT entity_id, windowFunnel(2678400, 'strict_order')(toDateTime(timestamp), operation = 'createEntity', operation = 'deleteEntity') AS level FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT entity_id, windowFunnel(86400)(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity') AS within_a_day FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT journey_id, windowFunnel(3600)(toDateTime(created_at), type = 'journey_load_time', type = 'step_navigation', type = 'journey_submit') AS level FROM journey_events_final GROUP BY journey_id ORDER BY journey_id
SELECT entity_id, sequenceMatch('(?1)(?2)')(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity') AS edited FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT entity_id, sequenceMatch('(?1)(?t<=2678400)(?2)')(toDateTime(timestamp), operation = 'createEntity', operation = 'deleteEntity') AS deleted_within_month FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT entity_id, sequenceCount('(?1)(?2)')(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity') AS create_then_update FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT count() AS churned FROM (SELECT entity_id, sequenceMatch('(?1).*(?2)')(toDateTime(timestamp), operation = 'createEntity', operation = 'deleteEntity') AS m FROM entity_operations GROUP BY entity_id) WHERE m
SELECT entity_id FROM entity_operations GROUP BY entity_id HAVING sequenceMatch('(?1)(?2)')(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity') ORDER BY entity_id
SELECT sum(created) AS created, sum(deleted) AS deleted FROM (SELECT entity_id, max(operation = 'createEntity') AS created, max(operation = 'deleteEntity') AS deleted FROM entity_operations GROUP BY entity_id)
SELECT session_id, sequenceCount('(?1)(?2)')(toDateTime(created_at), type = 'step_navigation', type = 'journey_exit') AS exits FROM journey_events_final GROUP BY session_id ORDER BY session_id
-- group: retention and cohorts (analytics products)
SELECT entity_id, retention(toStartOfMonth(timestamp) = toDate('2024-01-01'), toStartOfMonth(timestamp) = toDate('2024-02-01')) AS r FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT sum(r[1]) AS january, sum(r[2]) AS february_too FROM (SELECT entity_id, retention(toStartOfMonth(timestamp) = '2024-01-01', toStartOfMonth(timestamp) = '2024-02-01') AS r FROM entity_operations GROUP BY entity_id)
SELECT cohort, dateDiff('month', cohort, toStartOfMonth(o.timestamp)) AS month_number, uniqExact(o.entity_id) AS active FROM entity_operations AS o INNER JOIN (SELECT entity_id, min(toStartOfMonth(timestamp)) AS cohort FROM entity_operations GROUP BY entity_id) AS c ON o.entity_id = c.entity_id GROUP BY cohort, month_number ORDER BY cohort, month_number
SELECT toStartOfMonth(first_seen) AS cohort, count() AS entities FROM (SELECT entity_id, min(timestamp) AS first_seen FROM entity_operations GROUP BY entity_id) GROUP BY cohort ORDER BY cohort
SELECT toStartOfMonth(first_seen) AS cohort, countIf(entity_id IN (SELECT entity_id FROM current_entities_final)) AS still_active, count() AS total FROM (SELECT entity_id, min(timestamp) AS first_seen FROM entity_operations GROUP BY entity_id) GROUP BY cohort ORDER BY cohort
SELECT retention(operation = 'createEntity', operation = 'updateEntity', operation = 'deleteEntity') AS r FROM entity_operations
SELECT schema, groupArray(n) AS monthly FROM (SELECT schema, toStartOfMonth(timestamp) AS m, count() AS n FROM entity_operations GROUP BY schema, m ORDER BY schema, m) GROUP BY schema ORDER BY schema
SELECT entity_id, min(timestamp) AS first_seen, max(timestamp) AS last_seen FROM entity_operations GROUP BY entity_id ORDER BY first_seen
SELECT entity_id, dateDiff('day', min(timestamp), max(timestamp)) AS lifetime_days FROM entity_operations GROUP BY entity_id ORDER BY entity_id
-- group: time series and sessionization (analytics products)
SELECT toStartOfInterval(timestamp, INTERVAL 1 WEEK) AS week, count() AS n FROM entity_operations GROUP BY week ORDER BY week
SELECT toStartOfInterval(timestamp, toIntervalDay(7)) AS bucket, uniqExact(entity_id) AS entities FROM entity_operations GROUP BY bucket ORDER BY bucket
SELECT toStartOfInterval(timestamp, INTERVAL 12 HOUR) AS half_day, count() FROM entity_operations GROUP BY half_day ORDER BY half_day
SELECT toStartOfHour(timestamp) AS hour, operation, count() AS n FROM entity_operations GROUP BY hour, operation ORDER BY hour, operation
SELECT toStartOfDay(start_time) AS day, count() AS sessions FROM journey_sessions_final GROUP BY day ORDER BY day
SELECT id, dateDiff('second', start_time, coalesce(end_time, last_updated_at)) AS duration_s FROM journey_sessions_final ORDER BY id
SELECT entity_id, activity_id, sum(new_session) OVER (PARTITION BY entity_id ORDER BY timestamp) AS session FROM (SELECT entity_id, activity_id, timestamp, if(dateDiff('day', lagInFrame(timestamp, 1, timestamp) OVER (PARTITION BY entity_id ORDER BY timestamp), timestamp) > 7, 1, 0) AS new_session FROM entity_operations) ORDER BY entity_id, activity_id
SELECT entity_id, timestamp, dateDiff('hour', lagInFrame(timestamp, 1, timestamp) OVER (PARTITION BY entity_id ORDER BY timestamp), timestamp) AS hours_since_previous FROM entity_operations ORDER BY entity_id, timestamp
SELECT toYYYYMM(timestamp) AS month, count() AS n FROM entity_operations GROUP BY month ORDER BY month
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations WHERE timestamp >= '2024-02-01' AND timestamp < '2024-03-01' GROUP BY day ORDER BY day
SELECT toStartOfInterval(start_time, INTERVAL 1 DAY) AS day, countIf(device_type = 'Desktop') AS desktop, count() AS total FROM journey_sessions_final GROUP BY day ORDER BY day
SELECT toDayOfWeek(timestamp) AS weekday, count() FROM entity_operations GROUP BY weekday ORDER BY weekday
-- group: window functions: running totals, top-N per group (ClickHouse docs, analytics products)
SELECT day, n, sum(n) OVER (ORDER BY day) AS running_total FROM (SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day) ORDER BY day
SELECT toDate(timestamp) AS day, count() AS n, sum(count()) OVER (ORDER BY toDate(timestamp)) AS cumulative FROM entity_operations GROUP BY day ORDER BY day
SELECT entity_id, activity_id, row_number() OVER (PARTITION BY entity_id ORDER BY timestamp DESC) AS rn FROM entity_operations ORDER BY entity_id, rn
SELECT entity_id, operation, timestamp FROM (SELECT entity_id, operation, timestamp, row_number() OVER (PARTITION BY entity_id ORDER BY timestamp DESC) AS rn FROM entity_operations) WHERE rn = 1 ORDER BY entity_id
SELECT schema, entity_id, n FROM (SELECT schema, entity_id, count() AS n, rank() OVER (PARTITION BY schema ORDER BY count() DESC, entity_id) AS r FROM entity_operations GROUP BY schema, entity_id) WHERE r <= 2 ORDER BY schema, n DESC, entity_id
SELECT activity_id, dense_rank() OVER (ORDER BY toDate(timestamp)) AS day_number FROM entity_operations ORDER BY activity_id
SELECT activity_id, first_value(operation) OVER (PARTITION BY entity_id ORDER BY timestamp) AS first_op, last_value(operation) OVER (PARTITION BY entity_id ORDER BY timestamp ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_op FROM entity_operations ORDER BY activity_id
SELECT activity_id, leadInFrame(operation) OVER (PARTITION BY entity_id ORDER BY timestamp ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_op FROM entity_operations ORDER BY activity_id
SELECT day, n, avg(n) OVER (ORDER BY day ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving_avg FROM (SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day) ORDER BY day
SELECT schema, count() AS n, round(100 * count() / sum(count()) OVER (), 2) AS pct FROM entity_operations GROUP BY schema ORDER BY schema
SELECT activity_id, count() OVER (PARTITION BY entity_id) AS ops_of_entity FROM entity_operations ORDER BY activity_id
SELECT activity_id, row_number() OVER w AS n, count() OVER w AS so_far FROM entity_operations WINDOW w AS (PARTITION BY schema ORDER BY timestamp) ORDER BY activity_id
SELECT activity_id, ntile(2) OVER (ORDER BY timestamp ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS half FROM entity_operations ORDER BY activity_id
SELECT activity_id, percent_rank() OVER (ORDER BY timestamp) AS pr FROM entity_operations ORDER BY activity_id
SELECT entity_id, groupArray(operation) OVER (PARTITION BY entity_id ORDER BY timestamp ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS history FROM entity_operations ORDER BY entity_id, timestamp
SELECT activity_id, lagInFrame(_title) OVER (PARTITION BY entity_id ORDER BY timestamp) AS previous_title FROM entity_operations ORDER BY activity_id
-- group: percentiles and distinct counts (ClickHouse docs)
SELECT quantilesExact(0.25, 0.5, 0.75)(toUnixTimestamp(timestamp)) AS q FROM entity_operations
SELECT medianExact(toUnixTimestamp(timestamp)) AS m FROM entity_operations
SELECT schema, quantileExact(0.9)(dateDiff('hour', toDateTime('2024-01-01 00:00:00'), timestamp)) AS p90_hours FROM entity_operations GROUP BY schema ORDER BY schema
SELECT uniq(entity_id) AS approx, uniqExact(entity_id) AS exact, count(DISTINCT entity_id) AS distinct_count FROM entity_operations
SELECT schema, uniqCombined(entity_id) AS entities FROM entity_operations GROUP BY schema ORDER BY schema
SELECT uniqHLL12(entity_id) FROM entity_operations
SELECT toStartOfMonth(timestamp) AS month, uniqExact(entity_id) AS active_entities FROM entity_operations GROUP BY month ORDER BY month
SELECT topK(2)(schema) AS top_schemas FROM entity_operations
SELECT quantileExactWeighted(0.5)(n, n) AS weighted_median FROM (SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id)
SELECT schema, min(timestamp) AS first, max(timestamp) AS last, count() AS n FROM entity_operations GROUP BY schema ORDER BY schema
SELECT avg(n) AS avg_ops, max(n) AS max_ops, stddevPop(n) AS sd FROM (SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id)
SELECT median(toUnixTimestamp(timestamp)) FROM entity_operations
SELECT uniqExact(entity_id, operation) AS pairs FROM entity_operations
-- group: arrays and lambdas (ClickHouse docs)
SELECT entity_id, arrayMap(x -> upper(x), _tags) AS tags FROM current_entities_final ORDER BY entity_id
SELECT entity_id, arrayFilter(x -> x != 't', _tags) AS other_tags FROM current_entities_final ORDER BY entity_id
SELECT countIf(arrayExists(x -> x = 't', _tags)) AS tagged FROM current_entities_final
SELECT entity_id, arrayCount(x -> startsWith(x, 't'), _tags) AS n FROM current_entities_final ORDER BY entity_id
SELECT entity_id, arrayStringConcat(groupArray(operation), ' > ') AS path FROM (SELECT entity_id, operation FROM entity_operations ORDER BY timestamp) GROUP BY entity_id ORDER BY entity_id
SELECT entity_id, arraySort(groupArray(activity_id)) AS activities FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT arraySort(groupUniqArray(schema)) AS schemas FROM entity_operations
SELECT entity_id, hasAny(_tags, ['t', 'vip']) AS any_tag, hasAll(_tags, ['t', 'vip']) AS all_tags FROM current_entities_final ORDER BY entity_id
SELECT entity_id, _tags[1] AS first_tag, arrayElement(_tags, 1) AS same, indexOf(_tags, 't') AS pos FROM current_entities_final ORDER BY entity_id
SELECT entity_id, length(_tags) AS n_tags, empty(_purpose) AS no_purpose, notEmpty(_tags) AS tagged FROM current_entities_final ORDER BY entity_id
SELECT arrayJoin(splitByChar(' ', assumeNotNull(_title))) AS word, count() AS n FROM current_entities_final GROUP BY word ORDER BY word
SELECT entity_id, arrayZip(groupArray(activity_id), groupArray(operation)) AS steps FROM (SELECT entity_id, activity_id, operation FROM entity_operations ORDER BY timestamp) GROUP BY entity_id ORDER BY entity_id
SELECT entity_id, arrayEnumerate(_tags) AS idx FROM current_entities_final ORDER BY entity_id
SELECT range(3) AS r, arrayReduce('sum', [1, 2, 3]) AS s, arraySum(x -> x * 2, [1, 2, 3]) AS doubled
SELECT entity_id, arraySort(x -> -toUnixTimestamp(x), groupArray(timestamp)) AS newest_first FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT arrayDistinct(arrayConcat(groupArrayArray(_tags), ['new'])) AS tags FROM current_entities_final
SELECT arraySlice(arraySort(groupArray(entity_id)), 1, 2) AS first_two FROM current_entities_final
SELECT entity_id, arrayFirst(x -> x LIKE 'Opp%', [assumeNotNull(_title), entity_id]) AS label FROM current_entities_final ORDER BY entity_id
SELECT entity_id, arrayMap((x, i) -> concat(toString(i), ':', x), _tags, arrayEnumerate(_tags)) AS numbered FROM current_entities_final ORDER BY entity_id
SELECT entity_id FROM current_entities_final WHERE has(_tags, 't') AND length(_purpose) = 0 ORDER BY entity_id
SELECT arrayJoin(arrayMap(x -> x * 10, [1, 2])) AS v ORDER BY v
SELECT count() FROM entity_operations WHERE has(['createEntity', 'updateEntity'], operation)
-- group: maps and tuples (ClickHouse docs)
SELECT map('created', countIf(operation = 'createEntity'), 'deleted', countIf(operation = 'deleteEntity')) AS m FROM entity_operations
SELECT m['created'] AS created FROM (SELECT map('created', countIf(operation = 'createEntity')) AS m FROM entity_operations)
SELECT mapKeys(m) AS k, mapValues(m) AS v FROM (SELECT map('a', 1, 'b', 2) AS m)
SELECT sumMap(map(operation, 1)) AS per_operation FROM entity_operations
SELECT entity_id, mapFromArrays(['schema', 'operation'], [schema, operation]) AS attrs FROM current_entities_final ORDER BY entity_id
SELECT id, mapContains(map('Desktop', 1), ifNull(device_type, '')) AS desktop FROM journey_sessions_final ORDER BY id
SELECT tuple(schema, operation) AS pair, count() AS n FROM entity_operations GROUP BY pair ORDER BY pair
SELECT tupleElement(pair, 1) AS s, tupleElement(pair, 2) AS o FROM (SELECT (schema, operation) AS pair FROM entity_operations) ORDER BY s, o
SELECT count() FROM entity_operations WHERE (schema, operation) IN (('opportunity', 'createEntity'), ('contact', 'createEntity'))
SELECT entity_id, argMax((operation, activity_id), timestamp) AS latest FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT activity_id, tupleElement(JSONExtract(detail, 'payload', 'Tuple(_id String, _title String)'), '_title') AS title FROM entity_operations ORDER BY activity_id
SELECT t.id AS id, t.n AS n FROM (SELECT CAST(('e1', 2), 'Tuple(id String, n UInt8)') AS t)
SELECT mapFilter((k, v) -> v > 1, sumMap(map(entity_id, 1))) AS repeated FROM entity_operations
-- group: JSON functions (data-lake docs, ClickHouse docs)
SELECT activity_id, JSONExtractString(detail, 'payload', '_schema') AS s FROM entity_operations ORDER BY activity_id
SELECT JSONExtractString(detail, 'operation') AS op, count() FROM entity_operations GROUP BY op ORDER BY op
SELECT activity_id, JSONHas(detail, 'payload', 'source') AS has_source FROM entity_operations ORDER BY activity_id
SELECT activity_id, JSONLength(detail, 'payload') AS attrs FROM entity_operations ORDER BY activity_id
SELECT activity_id, JSONExtractKeys(detail, 'payload') AS keys FROM entity_operations ORDER BY activity_id
SELECT activity_id, JSONExtract(detail, 'payload', '_tags', 'Array(String)') AS tags FROM entity_operations ORDER BY activity_id
SELECT activity_id, JSONExtractRaw(detail, 'payload', 'source') AS source FROM entity_operations ORDER BY activity_id
SELECT activity_id, JSON_VALUE(detail, '$.payload._title') AS title FROM entity_operations ORDER BY activity_id
SELECT activity_id, JSON_QUERY(detail, '$.payload._tags') AS tags FROM entity_operations ORDER BY activity_id
SELECT count() FROM entity_operations WHERE JSON_EXISTS(detail, '$.payload.source.title')
SELECT activity_id, visitParamExtractString(detail, 'operation') AS op, visitParamHas(detail, 'source') AS has_source FROM entity_operations ORDER BY activity_id
SELECT activity_id, simpleJSONExtractString(detail, 'entity') AS entity FROM entity_operations ORDER BY activity_id
SELECT id, JSONExtractString(details, 'deviceType') AS device FROM journey_sessions_final ORDER BY id
SELECT JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source, uniqExact(entity_id) AS entities FROM entity_operations WHERE JSONHas(detail, 'payload', 'source') = 1 GROUP BY journey_source ORDER BY journey_source
SELECT activity_id, JSONType(detail, 'payload', '_tags') AS t FROM entity_operations ORDER BY activity_id
SELECT isValidJSON(detail) AS ok, count() AS n FROM entity_operations GROUP BY ok
SELECT activity_id, parseDateTime64BestEffort(JSONExtractString(detail, 'payload', '_created_at')) AS created FROM entity_operations ORDER BY activity_id
SELECT JSONExtractInt(detail, 'payload', 'missing') AS zero FROM entity_operations LIMIT 1
-- group: dates and times (ClickHouse docs)
SELECT activity_id, formatDateTime(timestamp, '%Y-%m-%d %H:%i') AS t FROM entity_operations ORDER BY activity_id
SELECT activity_id, toTimeZone(timestamp, 'Europe/Berlin') AS local FROM entity_operations ORDER BY activity_id
SELECT activity_id, formatDateTime(toTimeZone(timestamp, 'Europe/Berlin'), '%F %T') AS berlin FROM entity_operations ORDER BY activity_id
SELECT toStartOfQuarter(timestamp) AS q, count() AS n FROM entity_operations GROUP BY q ORDER BY q
SELECT toMonday(timestamp) AS week, count() AS n FROM entity_operations GROUP BY week ORDER BY week
SELECT toStartOfWeek(timestamp, 1) AS week, count() AS n FROM entity_operations GROUP BY week ORDER BY week
SELECT activity_id, toYear(timestamp) AS y, toMonth(timestamp) AS m, toDayOfMonth(timestamp) AS d, toHour(timestamp) AS h FROM entity_operations ORDER BY activity_id
SELECT activity_id, timestamp + INTERVAL 30 DAY AS due FROM entity_operations ORDER BY activity_id
SELECT activity_id, addDays(toDate(timestamp), 7) AS next_week, subtractMonths(toDate(timestamp), 1) AS month_before FROM entity_operations ORDER BY activity_id
SELECT count() FROM entity_operations WHERE toDate(timestamp) BETWEEN '2024-01-01' AND '2024-01-31'
SELECT date_trunc('month', timestamp) AS month, count() AS n FROM entity_operations GROUP BY month ORDER BY month
SELECT activity_id, toUnixTimestamp(timestamp) AS epoch, fromUnixTimestamp(toUnixTimestamp(timestamp)) AS back FROM entity_operations ORDER BY activity_id
SELECT count() FROM entity_operations WHERE timestamp >= parseDateTimeBestEffort('2024-01-10T10:00:00Z')
SELECT age('day', min(timestamp), max(timestamp)) AS days FROM entity_operations
SELECT count() FROM entity_operations WHERE timestamp < now()
SELECT toString(toDate(timestamp)) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day
SELECT toISOWeek(timestamp) AS week, count() AS n FROM entity_operations GROUP BY week ORDER BY week
SELECT activity_id, toDateTime(timestamp, 'America/New_York') AS new_york FROM entity_operations ORDER BY activity_id
SELECT activity_id, dateDiff('minute', toStartOfDay(timestamp), timestamp) AS minute_of_day FROM entity_operations ORDER BY activity_id
-- group: conditionals and nullable handling (ClickHouse docs)
SELECT activity_id, CASE operation WHEN 'createEntity' THEN 'created' WHEN 'deleteEntity' THEN 'deleted' ELSE 'updated' END AS what FROM entity_operations ORDER BY activity_id
SELECT CASE WHEN timestamp < '2024-02-01' THEN 'january' ELSE 'later' END AS period, count() AS n FROM entity_operations GROUP BY period ORDER BY period
SELECT multiIf(length(_tags) = 0, 'untagged', has(_tags, 't'), 'tagged t', 'other') AS tagging, count() AS n FROM current_entities_final GROUP BY tagging
SELECT entity_id, ifNull(source_title, '(no source)') AS source FROM current_entities_final ORDER BY entity_id
SELECT id, coalesce(device_type, os_type, 'unknown') AS device FROM journey_sessions_final ORDER BY id
SELECT entity_id, assumeNotNull(_title) AS title FROM current_entities_final ORDER BY entity_id
SELECT countIf(end_time IS NULL) AS open_sessions, countIf(isNotNull(details)) AS with_details FROM journey_sessions_final
SELECT id FROM journey_sessions_final WHERE details IS NULL ORDER BY id
SELECT id, nullIf(device_type, 'Desktop') AS not_desktop FROM journey_sessions_final ORDER BY id
SELECT entity_id, if(isNull(_deleted_at), 'active', 'deleted') AS state FROM current_entities_final ORDER BY entity_id
SELECT transform(operation, ['createEntity', 'updateEntity', 'deleteEntity'], ['C', 'U', 'D'], '?') AS code, count() AS n FROM entity_operations GROUP BY code ORDER BY code
SELECT activity_id, greatest(timestamp, toDateTime64('2024-02-01 00:00:00', 3, 'UTC')) AS t FROM entity_operations ORDER BY activity_id
SELECT toNullable(entity_id) AS e, isNull(e) AS missing FROM current_entities_final ORDER BY e
SELECT ifNull(device_type, 'n/a') AS device, count() AS sessions FROM journey_sessions_final GROUP BY device ORDER BY device
SELECT count(_title), count(source_title), count() FROM current_entities_final
-- group: aggregate combinators: -If, -State/-Merge, -Array, -Distinct, -OrNull (ClickHouse docs)
SELECT schema, countIf(operation = 'createEntity') AS created, uniqExactIf(entity_id, operation = 'updateEntity') AS updated FROM entity_operations GROUP BY schema ORDER BY schema
SELECT sumIf(1, operation = 'deleteEntity') AS deletes, avgIf(toUnixTimestamp(timestamp), schema = 'contact') AS contact_avg FROM entity_operations
SELECT uniqMerge(s) AS entities FROM (SELECT schema, uniqState(entity_id) AS s FROM entity_operations GROUP BY schema)
SELECT schema, countMerge(c) AS n FROM (SELECT schema, operation, countState() AS c FROM entity_operations GROUP BY schema, operation) GROUP BY schema ORDER BY schema
SELECT finalizeAggregation(uniqExactState(entity_id)) AS n FROM entity_operations
SELECT groupArrayArray(_tags) AS all_tags FROM current_entities_final
SELECT uniqArray(_tags) AS distinct_tags FROM current_entities_final
SELECT arraySort(groupUniqArrayArray(_tags)) AS tags FROM entity_operations
SELECT arraySort(groupArrayIf(entity_id, operation = 'deleteEntity')) AS deleted FROM entity_operations
SELECT entity_id, argMaxIf(_title, timestamp, operation != 'deleteEntity') AS last_live_title FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT minIf(timestamp, operation = 'updateEntity') AS first_update, maxIf(timestamp, operation = 'createEntity') AS last_create FROM entity_operations
SELECT maxOrNull(timestamp) AS last FROM entity_operations WHERE schema = 'meter'
SELECT quantileExactIf(0.5)(toUnixTimestamp(timestamp), schema = 'opportunity') AS median_opportunity FROM entity_operations
SELECT sumMerge(s) AS n FROM (SELECT sumState(1) AS s FROM entity_operations UNION ALL SELECT sumState(1) AS s FROM current_entities_final)
SELECT countDistinct(entity_id) AS entities FROM entity_operations
SELECT arraySort(groupArrayDistinct(operation)) AS operations FROM entity_operations
-- group: string functions (ClickHouse docs)
SELECT DISTINCT lower(schema) AS s, upper(operation) AS o FROM entity_operations ORDER BY s, o
SELECT entity_id, concat(schema, ':', entity_id) AS ref FROM current_entities_final ORDER BY entity_id
SELECT substring(activity_id, 1, 1) AS prefix, count() AS n FROM entity_operations GROUP BY prefix
SELECT replaceAll(assumeNotNull(_title), ' ', '_') AS slug FROM current_entities_final ORDER BY slug
SELECT entity_id FROM current_entities_final WHERE _title LIKE 'Opp%' ORDER BY entity_id
SELECT entity_id FROM current_entities_final WHERE _title ILIKE '%CONTACT%' ORDER BY entity_id
SELECT entity_id, match(assumeNotNull(_title), '^Opp [0-9]+') AS numbered FROM current_entities_final ORDER BY entity_id
SELECT entity_id, extract(assumeNotNull(_title), '[0-9]+') AS number FROM current_entities_final ORDER BY entity_id
SELECT entity_id, lengthUTF8(detail) > 100 AS long_detail, startsWith(entity_id, 'e') AS is_e, endsWith(assumeNotNull(_title), 'v2') AS second FROM current_entities_final ORDER BY entity_id
SELECT format('{} ({})', assumeNotNull(_title), schema) AS label FROM current_entities_final ORDER BY label
SELECT concatWithSeparator(' / ', schema, operation) AS k, count() AS n FROM entity_operations GROUP BY k ORDER BY k
SELECT trim(BOTH ' ' FROM '  x  ') AS t, leftPad(entity_id, 5, '0') AS padded FROM current_entities_final ORDER BY padded
SELECT entity_id, replaceRegexpAll(assumeNotNull(_title), '[^A-Za-z]', '') AS letters FROM current_entities_final ORDER BY entity_id
SELECT entity_id, position(detail, 'source') > 0 AS has_source_text FROM current_entities_final ORDER BY entity_id
SELECT entity_id, reverse(entity_id) AS r, toString(length(entity_id)) AS n FROM current_entities_final ORDER BY entity_id
SELECT count() FROM entity_operations WHERE multiSearchAny(detail, ['Wallbox', 'Energieausweis'])
SELECT entity_id, splitByChar(' ', assumeNotNull(_title)) AS words FROM current_entities_final ORDER BY entity_id
SELECT entity_id, extractAll(detail, '_[a-z]+') AS system_keys FROM current_entities_final ORDER BY entity_id
-- group: IN subqueries, scalar subqueries and CTEs (ClickHouse docs, analytics products)
SELECT entity_id, _title FROM current_entities_final WHERE entity_id IN (SELECT entity_id FROM entity_operations WHERE operation = 'updateEntity') ORDER BY entity_id
SELECT entity_id FROM entity_operations WHERE operation = 'createEntity' AND entity_id NOT IN (SELECT entity_id FROM current_entities_final) ORDER BY entity_id
WITH created AS (SELECT entity_id, min(timestamp) AS at FROM entity_operations WHERE operation = 'createEntity' GROUP BY entity_id) SELECT entity_id, at FROM created ORDER BY at
WITH ops AS (SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id), live AS (SELECT entity_id FROM current_entities_final) SELECT o.entity_id, o.n FROM ops AS o INNER JOIN live AS l ON o.entity_id = l.entity_id ORDER BY o.entity_id
WITH monthly AS (SELECT toStartOfMonth(timestamp) AS month, count() AS n FROM entity_operations GROUP BY month) SELECT month, n, n - lagInFrame(n) OVER (ORDER BY month) AS change FROM monthly ORDER BY month
SELECT schema, n FROM (SELECT schema, count() AS n FROM entity_operations GROUP BY schema) WHERE n > 1
SELECT (SELECT count() FROM current_entities_final) AS live, (SELECT uniqExact(entity_id) FROM entity_operations) AS ever
SELECT entity_id, count() AS n, n / (SELECT count() FROM entity_operations) AS share FROM entity_operations GROUP BY entity_id ORDER BY entity_id
SELECT count() FROM current_entities_final WHERE EXISTS (SELECT 1 FROM entity_operations WHERE operation = 'deleteEntity')
SELECT entity_id FROM current_entities_final WHERE (entity_id, schema) IN (SELECT entity_id, schema FROM entity_operations WHERE operation = 'updateEntity')
WITH deleted AS (SELECT entity_id FROM entity_operations WHERE operation = 'deleteEntity') SELECT count() FROM entity_operations WHERE entity_id IN deleted
WITH big AS (SELECT entity_id FROM current_entities_final WHERE schema = 'opportunity') SELECT schema, count() AS n FROM entity_operations WHERE entity_id NOT IN big GROUP BY schema ORDER BY schema
WITH ('opportunity', 'contact') AS wanted SELECT count() AS n FROM entity_operations WHERE schema IN wanted
WITH ['opportunity', 'contact'] AS wanted SELECT schema, count() AS n FROM entity_operations WHERE schema NOT IN wanted GROUP BY schema ORDER BY schema
WITH deleted AS (SELECT entity_id FROM entity_operations WHERE operation = 'deleteEntity') SELECT count() FROM entity_operations WHERE entity_id IN (SELECT entity_id FROM deleted)
WITH t AS (SELECT * FROM entity_operations WHERE schema = 'opportunity') SELECT a.entity_id, b.activity_id FROM t AS a JOIN t AS b ON a.entity_id = b.entity_id AND a.activity_id < b.activity_id ORDER BY a.entity_id
-- group: joins of the views (Power BI relations, analytics products)
SELECT c.entity_id, c._title, count() AS operations FROM current_entities_final AS c INNER JOIN entity_operations AS o ON o.entity_id = c.entity_id GROUP BY c.entity_id, c._title ORDER BY c.entity_id
SELECT o.activity_id, c._title AS current_title FROM entity_operations AS o LEFT JOIN current_entities_final AS c ON c.entity_id = o.entity_id ORDER BY o.activity_id
SELECT entity_id, o.operation, c.schema FROM entity_operations AS o INNER JOIN current_entities_final AS c USING (entity_id) ORDER BY o.activity_id
SELECT c.entity_id, count(w.workflow_execution_id) AS workflows FROM current_entities_final AS c LEFT JOIN workflow_contexts_final AS w ON w.context_entity_id = c.entity_id GROUP BY c.entity_id ORDER BY c.entity_id
SELECT c.entity_id, l.last_op FROM current_entities_final AS c JOIN (SELECT entity_id, argMax(operation, timestamp) AS last_op FROM entity_operations GROUP BY entity_id) AS l ON l.entity_id = c.entity_id ORDER BY c.entity_id
SELECT a.activity_id AS created, b.activity_id AS updated FROM entity_operations AS a INNER JOIN entity_operations AS b ON a.entity_id = b.entity_id WHERE a.operation = 'createEntity' AND b.operation = 'updateEntity' ORDER BY created
SELECT e.id AS execution, t.name AS task FROM workflow_executions_final AS e LEFT JOIN workflow_tasks_final AS t ON t.workflow_execution_id = e.id ORDER BY execution, task
SELECT s.id, count(e.id) AS events FROM journey_sessions_final AS s LEFT JOIN journey_events_final AS e ON e.session_id = s.id GROUP BY s.id ORDER BY s.id
SELECT o.entity_id, o.operation FROM entity_operations AS o RIGHT JOIN current_entities_final AS c ON c.entity_id = o.entity_id ORDER BY o.activity_id
SELECT coalesce(nullIf(a.entity_id, ''), b.entity_id) AS id FROM (SELECT entity_id FROM entity_operations WHERE operation = 'deleteEntity') AS a FULL OUTER JOIN current_entities_final AS b ON a.entity_id = b.entity_id ORDER BY id
SELECT p.name AS phase, t.name AS task, t.status FROM workflow_phases_final AS p INNER JOIN workflow_tasks_final AS t ON t.phase_id = p.id WHERE t.status = 'COMPLETED' ORDER BY p.position, t.position
SELECT x.entity_id FROM entity_operations AS x CROSS JOIN current_entities_final AS y WHERE x.entity_id = y.entity_id AND x.operation = 'createEntity' ORDER BY x.entity_id
SELECT o.activity_id, c._title FROM entity_operations AS o LEFT JOIN current_entities_final AS c ON c.entity_id = o.entity_id ORDER BY o.activity_id SETTINGS join_use_nulls = 1
-- group: UNION ALL, HAVING, DISTINCT, LIMIT and OFFSET (ClickHouse docs, BI tools)
SELECT 'operations' AS source, count() AS n FROM entity_operations UNION ALL SELECT 'live entities', count() FROM current_entities_final UNION ALL SELECT 'sessions', count() FROM journey_sessions_final
SELECT entity_id, 'created' AS event FROM entity_operations WHERE operation = 'createEntity' UNION ALL SELECT entity_id, 'deleted' FROM entity_operations WHERE operation = 'deleteEntity'
SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id HAVING count() > 1 ORDER BY entity_id
SELECT schema FROM entity_operations GROUP BY schema HAVING uniqExact(entity_id) >= 2
SELECT entity_id FROM entity_operations GROUP BY entity_id HAVING countIf(operation = 'deleteEntity') = 0 ORDER BY entity_id
SELECT DISTINCT schema, operation FROM entity_operations ORDER BY schema, operation
SELECT DISTINCT entity_id FROM entity_operations ORDER BY entity_id LIMIT 2 OFFSET 1
SELECT activity_id FROM entity_operations ORDER BY timestamp LIMIT 2, 2
SELECT activity_id FROM entity_operations ORDER BY timestamp OFFSET 4 ROWS
SELECT activity_id FROM entity_operations ORDER BY timestamp DESC OFFSET 1 ROW FETCH FIRST 2 ROWS ONLY
SELECT count(DISTINCT schema) AS schemas, count(DISTINCT operation) AS operations FROM entity_operations
SELECT activity_id FROM (SELECT activity_id, toStartOfMonth(timestamp) AS m FROM entity_operations ORDER BY m LIMIT 1 WITH TIES)
SELECT entity_id FROM entity_operations INTERSECT SELECT entity_id FROM current_entities_final
SELECT entity_id FROM entity_operations EXCEPT SELECT entity_id FROM current_entities_final
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY 1, 2 ORDER BY 1, 2
SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT 2
-- group: DataGrip (previews, counts, filters)
SELECT t.* FROM entity_operations t LIMIT 501
SELECT t.* FROM current_entities_final t WHERE t.schema = 'opportunity' LIMIT 501
SELECT t.* FROM journey_sessions_final t ORDER BY t.start_time DESC LIMIT 501
SELECT count(*) FROM entity_operations t
SELECT t.entity_id, t.operation FROM entity_operations t ORDER BY t.timestamp DESC, t.activity_id LIMIT 501 OFFSET 0
SELECT * FROM "1500_current_entities_final" ORDER BY entity_id
SELECT * FROM `1500_entity_operations` WHERE entity_id = 'e1' ORDER BY timestamp
SELECT t.*, t._tags FROM current_entities_final t WHERE t.entity_id = 'e3' LIMIT 501
-- group: DBeaver (previews, row counts, value panels)
SELECT * FROM entity_operations LIMIT 200
SELECT COUNT(*) FROM (SELECT * FROM entity_operations WHERE schema = 'opportunity') dbvrcnt
SELECT * FROM current_entities_final x WHERE x.schema = 'contact' LIMIT 0, 200
SELECT DISTINCT operation FROM entity_operations ORDER BY operation LIMIT 200
SELECT `schema`, count(*) FROM entity_operations GROUP BY `schema` ORDER BY `schema`
SELECT x.* FROM journey_sessions_final x WHERE x.device_type IS NOT NULL LIMIT 200
-- group: Power BI DirectQuery through the ClickHouse ODBC driver (escapes already translated by the driver)
SELECT TOP 1000001 "_"."schema", "_"."operation" FROM "entity_operations" "_"
SELECT "ITBL"."schema", "ITBL"."C1" FROM (SELECT "_"."schema", COUNT(1) AS "C1" FROM "entity_operations" "_" GROUP BY "_"."schema") "ITBL" ORDER BY "ITBL"."schema" LIMIT 1000001
SELECT "_"."schema" AS "schema", COUNT(1) AS "a0" FROM "entity_operations" AS "_" WHERE ("_"."operation" = 'createEntity') GROUP BY "_"."schema" LIMIT 1000001
SELECT "_"."entity_id" FROM "current_entities_final" "_" WHERE 1 = 0
SELECT * FROM "entity_operations" WHERE 1=0
SELECT "entity_id", "_title" FROM (SELECT "entity_id", "_title" FROM "current_entities_final") "_" WHERE 1 = 0
SELECT CAST("_"."timestamp" AS DATE) AS "c1", COUNT(*) AS "a0" FROM "entity_operations" "_" GROUP BY CAST("_"."timestamp" AS DATE) ORDER BY "c1"
SELECT CAST(COUNT(*) AS DECIMAL(18, 2)) AS "a0" FROM "entity_operations" "_"
SELECT CAST("_"."_title" AS VARCHAR) AS "c1" FROM "current_entities_final" "_" ORDER BY "c1"
SELECT "_"."schema", SUM(CAST(1 AS BIGINT)) AS "a0" FROM "entity_operations" "_" GROUP BY "_"."schema" ORDER BY "_"."schema"
SELECT TOP 1000001 "_"."entity_id", "_"."operation" FROM "entity_operations" "_" WHERE "_"."timestamp" >= CAST('2024-02-01 00:00:00' AS TIMESTAMP) AND "_"."schema" IS NOT NULL
SELECT "_"."device_type" AS "c1", COUNT(*) AS "a0" FROM "journey_sessions_final" "_" WHERE NOT "_"."device_type" IS NULL GROUP BY "_"."device_type"
SELECT "_"."schema" AS "c1" FROM "entity_operations" "_" GROUP BY "_"."schema" HAVING COUNT(*) > 1
SELECT MIN("_"."timestamp") AS "a0", MAX("_"."timestamp") AS "a1" FROM "entity_operations" "_"
SELECT "_"."entity_id" FROM "current_entities_final" "_" WHERE "_"."entity_id" IN ('e1', 'e3') ORDER BY "_"."entity_id"
SELECT COUNT(DISTINCT "_"."entity_id") AS "a0" FROM "entity_operations" "_"
SELECT "rows"."schema" AS "schema", COUNT(1) AS "a0" FROM (SELECT "_"."entity_id", "_"."schema" FROM "entity_operations" "_" WHERE "_"."operation" <> 'deleteEntity') "rows" GROUP BY "schema"
SELECT "_"."schema", "_"."operation", CAST(COUNT(*) AS Nullable(Float64)) AS "a0" FROM "entity_operations" "_" GROUP BY "_"."schema", "_"."operation"
SELECT toYear("_"."timestamp") AS "c1", toMonth("_"."timestamp") AS "c2", COUNT(*) AS "a0" FROM "entity_operations" "_" GROUP BY "c1", "c2" ORDER BY "c1", "c2"
SELECT upper("_"."schema") AS "c1", concat("_"."entity_id", '-', "_"."operation") AS "c2" FROM "entity_operations" "_" ORDER BY "c2"
SELECT "_"."entity_id" FROM "entity_operations" "_" WHERE "_"."timestamp" >= toDateTime('2024-02-01 00:00:00') AND "_"."timestamp" < toDateTime('2024-03-01 00:00:00') ORDER BY "_"."entity_id"
SELECT dateDiff('day', "_"."timestamp", toDateTime('2024-03-01 00:00:00')) AS "c1" FROM "entity_operations" "_" ORDER BY "c1"
SELECT toInt64("_"."entity_id" = 'e1') AS "c1", COUNT(*) AS "a0" FROM "entity_operations" "_" GROUP BY "c1" ORDER BY "c1"
SELECT "_"."_title" AS "c1" FROM "current_entities_final" "_" WHERE lower("_"."_title") LIKE '%opp%' ORDER BY "c1"
SELECT substringUTF8("_"."entity_id", 1, 1) AS "c1", ifNull("_"."source_title", '') AS "c2" FROM "current_entities_final" "_" ORDER BY "c1", "c2"
-- group: ARRAY JOIN and LEFT ARRAY JOIN (ClickHouse docs)
SELECT entity_id, tag FROM current_entities_final ARRAY JOIN _tags AS tag ORDER BY entity_id
SELECT entity_id, _tags FROM current_entities_final ARRAY JOIN _tags ORDER BY entity_id
SELECT tag, count() AS n FROM entity_operations ARRAY JOIN _tags AS tag GROUP BY tag ORDER BY tag
SELECT entity_id, purpose FROM current_entities_final LEFT ARRAY JOIN _purpose AS purpose ORDER BY entity_id
SELECT entity_id, _purpose FROM current_entities_final LEFT ARRAY JOIN _purpose ORDER BY entity_id
SELECT entity_id, tag, i FROM current_entities_final ARRAY JOIN _tags AS tag, arrayEnumerate(_tags) AS i ORDER BY entity_id, i
SELECT entity_id, word FROM current_entities_final ARRAY JOIN splitByChar(' ', assumeNotNull(_title)) AS word ORDER BY entity_id, word
SELECT activity_id, step FROM entity_operations ARRAY JOIN ['seen', 'counted'] AS step WHERE schema = 'contact' ORDER BY step
SELECT key, count() AS n FROM entity_operations ARRAY JOIN JSONExtractKeys(detail, 'payload') AS key GROUP BY key ORDER BY key
SELECT entity_id, tag, purpose FROM current_entities_final LEFT ARRAY JOIN _tags AS tag, _purpose AS purpose ORDER BY entity_id
SELECT entity_id, k, v FROM (SELECT entity_id, map('schema', schema, 'operation', operation) AS m FROM current_entities_final) ARRAY JOIN mapKeys(m) AS k, mapValues(m) AS v ORDER BY entity_id, k
SELECT entity_id, groupArray(tag) AS tags FROM (SELECT entity_id, tag FROM current_entities_final ARRAY JOIN _tags AS tag) GROUP BY entity_id ORDER BY entity_id
SELECT c.entity_id, tag FROM current_entities_final AS c ARRAY JOIN c._tags AS tag ORDER BY c.entity_id
SELECT entity_id, n FROM current_entities_final ARRAY JOIN range(2) AS n WHERE n > 0 ORDER BY entity_id
SELECT entity_id, o FROM current_entities_final LEFT ARRAY JOIN arrayFilter(x -> x != 't', _tags) AS o ORDER BY entity_id
-- group: LIMIT n BY and LIMIT n OFFSET m BY (ClickHouse docs, analytics products: latest per key)
SELECT schema, entity_id, timestamp FROM entity_operations ORDER BY schema, timestamp DESC LIMIT 2 BY schema
SELECT entity_id, operation, timestamp FROM entity_operations ORDER BY entity_id, timestamp DESC LIMIT 1 BY entity_id
SELECT entity_id, operation FROM entity_operations ORDER BY entity_id, timestamp LIMIT 1 OFFSET 1 BY entity_id
SELECT entity_id, operation FROM entity_operations ORDER BY entity_id, timestamp LIMIT 1, 1 BY entity_id
SELECT schema, operation, activity_id FROM entity_operations ORDER BY schema, operation, timestamp LIMIT 1 BY schema, operation
SELECT entity_id, activity_id FROM entity_operations ORDER BY entity_id, timestamp DESC LIMIT 1 BY entity_id LIMIT 2
SELECT toStartOfMonth(timestamp) AS month, entity_id FROM entity_operations ORDER BY month, timestamp LIMIT 2 BY month
SELECT entity_id, operation FROM (SELECT entity_id, operation, timestamp FROM entity_operations ORDER BY timestamp DESC LIMIT 1 BY entity_id) ORDER BY entity_id
SELECT entity_id, _title FROM entity_operations WHERE operation != 'deleteEntity' ORDER BY entity_id, timestamp DESC LIMIT 1 BY entity_id
SELECT schema, entity_id FROM entity_operations ORDER BY schema, entity_id LIMIT 1 BY schema, entity_id
SELECT journey_id, id, start_time FROM journey_sessions_final ORDER BY journey_id, start_time DESC LIMIT 1 BY journey_id
-- group: ORDER BY ... WITH FILL [FROM .. TO .. STEP ..] and INTERPOLATE (ClickHouse docs, analytics products: gap-free time series)
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations WHERE schema = 'opportunity' GROUP BY day ORDER BY day WITH FILL FROM toDate('2024-01-08') TO toDate('2024-01-15')
SELECT toStartOfWeek(timestamp) AS week, count() AS n FROM entity_operations GROUP BY week ORDER BY week WITH FILL STEP 7
SELECT toStartOfMonth(timestamp) AS month, count() AS n FROM entity_operations GROUP BY month ORDER BY month WITH FILL FROM toDate('2024-01-01') TO toDate('2024-07-01') STEP INTERVAL 1 MONTH
SELECT toStartOfMonth(timestamp) AS month, uniqExact(entity_id) AS entities FROM entity_operations GROUP BY month ORDER BY month WITH FILL STEP toIntervalMonth(1)
SELECT toStartOfHour(toDateTime(timestamp)) AS hour, count() AS n FROM entity_operations WHERE toDate(timestamp) = '2024-01-10' GROUP BY hour ORDER BY hour WITH FILL FROM toDateTime('2024-01-10 06:00:00') TO toDateTime('2024-01-10 12:00:00') STEP 3600
SELECT toUInt32(toDayOfMonth(timestamp)) AS d, count() AS n FROM entity_operations WHERE toMonth(timestamp) = 2 GROUP BY d ORDER BY d WITH FILL FROM 1 TO 8
SELECT schema, toStartOfMonth(timestamp) AS month, count() AS n FROM entity_operations GROUP BY schema, month ORDER BY schema, month WITH FILL STEP INTERVAL 1 MONTH
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations WHERE schema = 'opportunity' GROUP BY day ORDER BY day WITH FILL INTERPOLATE (n AS n)
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day DESC WITH FILL STEP -1
SELECT toStartOfDay(start_time) AS day, count() AS sessions FROM journey_sessions_final GROUP BY day ORDER BY day WITH FILL STEP INTERVAL 1 DAY
-- group: GROUP BY ... WITH TOTALS (ClickHouse docs; the totals row is not part of the data rows)
SELECT operation, uniqExact(entity_id) AS entities FROM entity_operations GROUP BY operation WITH TOTALS ORDER BY operation
SELECT toStartOfMonth(timestamp) AS month, count() AS n FROM entity_operations GROUP BY month WITH TOTALS HAVING n > 1 ORDER BY month
SELECT device_type, count() AS sessions FROM journey_sessions_final GROUP BY device_type WITH TOTALS ORDER BY device_type
-- group: WITH ROLLUP, WITH CUBE, GROUPING SETS (ClickHouse docs, BI subtotals)
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY schema, operation WITH CUBE ORDER BY schema, operation, n
SELECT toStartOfMonth(timestamp) AS month, schema, count() AS n FROM entity_operations GROUP BY month, schema WITH ROLLUP ORDER BY month, schema, n
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY GROUPING SETS ((schema), (operation), ()) ORDER BY schema, operation, n
SELECT schema, count() AS n, grouping(schema) AS is_total FROM entity_operations GROUP BY ROLLUP(schema) ORDER BY is_total, schema
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY schema, operation WITH ROLLUP WITH TOTALS ORDER BY schema, operation, n
-- group: SAMPLE (ClickHouse accepts SAMPLE on the views and reads every row: the views' tables have no sampling key)
SELECT count() FROM entity_operations SAMPLE 0.1
SELECT schema, count() AS n FROM entity_operations SAMPLE 1 / 10 GROUP BY schema ORDER BY schema
-- group: ANY, ALL, ASOF, SEMI and ANTI joins; GLOBAL IN and GLOBAL JOIN (ClickHouse docs)
SELECT o.activity_id, c._title FROM entity_operations AS o ANY LEFT JOIN current_entities_final AS c ON c.entity_id = o.entity_id ORDER BY o.activity_id
SELECT o.activity_id, c.operation AS current_operation FROM entity_operations AS o LEFT ANY JOIN current_entities_final AS c USING (entity_id) ORDER BY o.activity_id
SELECT count() AS n, uniqExact(o.entity_id) AS entities FROM entity_operations AS o ANY INNER JOIN current_entities_final AS c ON c.entity_id = o.entity_id
SELECT o.activity_id, p.activity_id AS previous FROM entity_operations AS o ASOF JOIN entity_operations AS p ON o.entity_id = p.entity_id AND o.timestamp > p.timestamp ORDER BY o.activity_id
SELECT o.activity_id, p.operation AS before FROM entity_operations AS o ASOF LEFT JOIN entity_operations AS p ON o.entity_id = p.entity_id AND o.timestamp > p.timestamp ORDER BY o.activity_id
SELECT c.entity_id, o.activity_id FROM current_entities_final AS c ASOF JOIN entity_operations AS o ON c.entity_id = o.entity_id AND c.timestamp >= o.timestamp ORDER BY c.entity_id
SELECT entity_id, o.activity_id FROM current_entities_final AS c ASOF LEFT JOIN entity_operations AS o USING (entity_id, timestamp) ORDER BY entity_id
SELECT entity_id FROM entity_operations WHERE entity_id GLOBAL NOT IN (SELECT entity_id FROM current_entities_final) ORDER BY entity_id
SELECT o.activity_id, c._title FROM entity_operations AS o GLOBAL LEFT JOIN current_entities_final AS c ON c.entity_id = o.entity_id ORDER BY o.activity_id
SELECT o.activity_id FROM entity_operations AS o GLOBAL ANY LEFT JOIN current_entities_final AS c USING (entity_id) ORDER BY o.activity_id
SELECT c.entity_id FROM current_entities_final AS c SEMI LEFT JOIN entity_operations AS o ON o.entity_id = c.entity_id AND o.operation = 'updateEntity' ORDER BY c.entity_id
SELECT o.entity_id FROM entity_operations AS o LEFT ANTI JOIN current_entities_final AS c USING (entity_id) ORDER BY o.entity_id
SELECT o.activity_id, c.entity_id FROM entity_operations AS o ALL LEFT JOIN current_entities_final AS c ON c.entity_id = o.entity_id ORDER BY o.activity_id
SELECT c.entity_id, o.activity_id FROM current_entities_final AS c RIGHT ANTI JOIN entity_operations AS o ON o.entity_id = c.entity_id ORDER BY o.activity_id
-- group: JOIN ... USING on aliased subqueries (analytics products, Power BI relations)
SELECT entity_id, c.first_seen, o.n FROM (SELECT entity_id, min(timestamp) AS first_seen FROM entity_operations GROUP BY entity_id) AS c JOIN (SELECT entity_id, count() AS n FROM entity_operations GROUP BY entity_id) AS o USING (entity_id) ORDER BY entity_id
SELECT entity_id, l.last_operation, f._title FROM (SELECT entity_id, argMax(operation, timestamp) AS last_operation FROM entity_operations GROUP BY entity_id) AS l LEFT JOIN current_entities_final AS f USING (entity_id) ORDER BY entity_id
SELECT entity_id, a.created, b.updated FROM (SELECT entity_id, count() AS created FROM entity_operations WHERE operation = 'createEntity' GROUP BY entity_id) AS a INNER JOIN (SELECT entity_id, count() AS updated FROM entity_operations WHERE operation = 'updateEntity' GROUP BY entity_id) AS b USING entity_id ORDER BY entity_id
SELECT schema, a.entities, b.operations FROM (SELECT schema, count() AS entities FROM current_entities_final GROUP BY schema) AS a FULL JOIN (SELECT schema, count() AS operations FROM entity_operations GROUP BY schema) AS b USING (schema) ORDER BY schema
SELECT entity_id, schema, x.n FROM current_entities_final INNER JOIN (SELECT entity_id, schema, count() AS n FROM entity_operations GROUP BY entity_id, schema) AS x USING (entity_id, schema) ORDER BY entity_id
WITH firsts AS (SELECT entity_id, min(timestamp) AS first_seen FROM entity_operations GROUP BY entity_id) SELECT entity_id, first_seen, _title FROM firsts JOIN current_entities_final USING (entity_id) ORDER BY entity_id
SELECT journey_id, s.sessions, e.events FROM (SELECT journey_id, count() AS sessions FROM journey_sessions_final GROUP BY journey_id) AS s LEFT JOIN (SELECT journey_id, count() AS events FROM journey_events_final GROUP BY journey_id) AS e USING (journey_id) ORDER BY journey_id
-- group: scalar WITH <expression> AS name (ClickHouse docs)
WITH 'opportunity' AS wanted SELECT count() FROM entity_operations WHERE schema = wanted
WITH toDateTime('2024-02-01 00:00:00') AS cutoff SELECT countIf(timestamp < cutoff) AS before, countIf(timestamp >= cutoff) AS after FROM entity_operations
WITH (SELECT max(timestamp) FROM entity_operations) AS last_change SELECT entity_id, dateDiff('day', timestamp, last_change) AS days_ago FROM current_entities_final ORDER BY entity_id
WITH ['createEntity', 'updateEntity'] AS kept SELECT activity_id FROM entity_operations WHERE has(kept, operation) ORDER BY activity_id
WITH 2678400 AS window_s SELECT entity_id, windowFunnel(window_s)(toDateTime(timestamp), operation = 'createEntity', operation = 'updateEntity') AS level FROM entity_operations GROUP BY entity_id ORDER BY entity_id
WITH count() AS n SELECT schema, n FROM entity_operations GROUP BY schema ORDER BY schema
WITH (SELECT count() FROM entity_operations) AS total SELECT schema, count() / total AS share FROM entity_operations GROUP BY schema ORDER BY schema
WITH toDate('2024-01-01') AS start, toDate('2024-03-01') AS stop SELECT toStartOfMonth(timestamp) AS month, count() AS n FROM entity_operations WHERE timestamp >= start AND timestamp < stop GROUP BY month ORDER BY month
WITH 'Wallbox' AS wanted, created AS (SELECT entity_id FROM entity_operations WHERE operation = 'createEntity' AND source_title = wanted) SELECT count() FROM created
WITH uniqExact(entity_id) AS entities, count() AS operations SELECT schema, entities, operations, operations / entities AS per_entity FROM entity_operations GROUP BY schema ORDER BY schema
-- group: DISTINCT ON (ClickHouse docs)
SELECT DISTINCT ON (entity_id) entity_id, operation, timestamp FROM entity_operations ORDER BY entity_id, timestamp DESC
SELECT DISTINCT ON (schema) schema, entity_id FROM entity_operations ORDER BY schema, timestamp
SELECT DISTINCT ON (schema, operation) schema, operation, activity_id FROM entity_operations ORDER BY schema, operation, activity_id
SELECT DISTINCT ON (journey_id) journey_id, id, start_time FROM journey_sessions_final ORDER BY journey_id, start_time DESC
-- group: SELECT * EXCEPT, REPLACE and COLUMNS('regexp') (ClickHouse docs)
SELECT * EXCEPT (detail) FROM current_entities_final ORDER BY entity_id
SELECT * EXCEPT (detail, _created_at, _updated_at, _deleted_at) FROM entity_operations ORDER BY activity_id
SELECT * EXCEPT detail FROM current_entities_final ORDER BY entity_id
SELECT * EXCEPT (details) FROM journey_sessions_final ORDER BY id
SELECT * REPLACE (upper(schema) AS schema) FROM current_entities_final ORDER BY entity_id
SELECT * EXCEPT (detail) REPLACE (toDate(timestamp) AS timestamp) FROM current_entities_final ORDER BY entity_id
SELECT COLUMNS('^_') FROM current_entities_final ORDER BY entity_id
SELECT entity_id, COLUMNS('_at$') FROM current_entities_final ORDER BY entity_id
SELECT COLUMNS('_at$') APPLY(max) FROM entity_operations
SELECT COLUMNS('title') FROM current_entities_final ORDER BY entity_id
SELECT entity_id, COLUMNS('title') APPLY(x -> ifNull(x, '')) FROM current_entities_final ORDER BY entity_id
SELECT t.* EXCEPT (detail) FROM current_entities_final AS t ORDER BY t.entity_id
SELECT COLUMNS('_id$') APPLY(length) FROM current_entities_final ORDER BY entity_id
SELECT COLUMNS('^_') APPLY(toString) APPLY(length) APPLY(max) FROM current_entities_final
SELECT * EXCEPT detail REPLACE (upper(schema) AS schema) FROM current_entities_final ORDER BY entity_id
-- group: JSON sub-columns of CAST(x, 'JSON') (ClickHouse docs: the JSON type)
SELECT activity_id, j.payload._title AS title FROM (SELECT activity_id, CAST(detail, 'JSON') AS j FROM entity_operations) ORDER BY activity_id
SELECT j.payload.source.title::String AS journey_source, count() AS n FROM (SELECT CAST(detail, 'JSON') AS j FROM entity_operations) GROUP BY journey_source ORDER BY journey_source
SELECT entity_id, j.payload._tags AS tags FROM (SELECT entity_id, CAST(detail, 'JSON') AS j FROM current_entities_final) ORDER BY entity_id
SELECT count() FROM (SELECT CAST(detail, 'JSON') AS j FROM entity_operations) WHERE j.payload.source.title::String = 'Wallbox'
SELECT activity_id, j.payload._title.:String AS title FROM (SELECT activity_id, CAST(detail, 'JSON') AS j FROM entity_operations) ORDER BY activity_id
SELECT entity_id, JSONAllPaths(CAST(detail, 'JSON')) AS paths FROM current_entities_final ORDER BY entity_id
SELECT activity_id, getSubcolumn(CAST(detail, 'JSON'), 'payload._title') AS title FROM entity_operations ORDER BY activity_id
SELECT activity_id, (detail::JSON).operation AS op FROM entity_operations ORDER BY activity_id
SELECT entity_id, CAST(detail, 'JSON').operation AS op, (detail::JSON).payload._schema AS s FROM current_entities_final ORDER BY entity_id
SELECT activity_id, CAST(detail, 'JSON').payload._schema AS s FROM entity_operations ORDER BY activity_id
SELECT entity_id, toTypeName(j.payload._title) AS t FROM (SELECT entity_id, CAST(detail, 'JSON') AS j FROM current_entities_final) ORDER BY entity_id
-- group: ClickHouse UInt8 conditions (ClickHouse docs, tenants' queries)
SELECT entity_id FROM current_entities_final WHERE match(assumeNotNull(_title), '^Opp') ORDER BY entity_id
SELECT count() FROM entity_operations WHERE JSONHas(detail, 'payload', 'source')
SELECT entity_id FROM current_entities_final WHERE isNotNull(source_title) ORDER BY entity_id
SELECT entity_id FROM current_entities_final WHERE notEmpty(_tags) AND NOT empty(entity_id) ORDER BY entity_id
SELECT count() FROM entity_operations WHERE startsWith(activity_id, 'a') AND hasAny(_tags, ['t'])
SELECT entity_id FROM entity_operations GROUP BY entity_id HAVING max(operation = 'deleteEntity') ORDER BY entity_id
SELECT count() FROM entity_operations WHERE toUInt8(schema = 'contact')
SELECT entity_id FROM current_entities_final WHERE endsWith(assumeNotNull(_title), 'v2') OR like(entity_id, 'c%') ORDER BY entity_id
SELECT sum(operation = 'createEntity') AS created, sum(has(_tags, 't')) AS tagged FROM entity_operations
-- group: QUALIFY, GROUP BY ALL, ORDER BY ALL, SETTINGS (ClickHouse docs)
SELECT entity_id, operation, timestamp FROM entity_operations QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY timestamp DESC) = 1 ORDER BY entity_id
SELECT schema, operation, count() AS n FROM entity_operations GROUP BY ALL ORDER BY schema, operation
SELECT schema, count() AS n FROM entity_operations GROUP BY ALL ORDER BY ALL
SELECT toStartOfMonth(timestamp) AS month, schema, uniqExact(entity_id) AS entities FROM entity_operations GROUP BY ALL ORDER BY ALL DESC
SELECT schema, count() AS n FROM entity_operations GROUP BY ALL WITH TOTALS ORDER BY schema
SELECT schema, if(count() > 100, 'many', 'few') AS size FROM entity_operations GROUP BY ALL ORDER BY schema
SELECT * FROM entity_operations WHERE schema = 'contact' SETTINGS max_threads = 1
