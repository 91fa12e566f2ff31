-- The rewriter as a function: a tenant's SQL, then "=> " the ClickHouse SQL that runs (spaces and line breaks
-- collapsed) or "!! " a part of the refusal. Run by TenantSqlRewriterTest, on a catalog of org 16581729.
-- group: ARRAY JOIN
SELECT entity_id, tag FROM current_entities_final ARRAY JOIN _tags AS tag WHERE tag != '' ORDER BY entity_id, tag
=> SELECT `entity_id`, `tag` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final` ARRAY JOIN `_tags` AS `tag` WHERE `tag` <> '' ORDER BY `entity_id`, `tag`
SELECT entity_id, _tags FROM current_entities_final ARRAY JOIN _tags
=> SELECT `entity_id`, `_tags` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final` ARRAY JOIN `_tags`
SELECT entity_id, t, n FROM current_entities_final LEFT ARRAY JOIN _tags AS t, arrayEnumerate(_tags) AS n
=> SELECT `entity_id`, `t`, `n` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final` LEFT ARRAY JOIN `_tags` AS `t`, `arrayEnumerate`(`_tags`) AS `n`
SELECT c.entity_id, tag FROM current_entities_final AS c JOIN entity_operations AS e ON c.entity_id = e.entity_id ARRAY JOIN c._tags AS tag
=> SELECT `c`.`entity_id`, `tag` FROM `datawarehouse`.`16581729_current_entities_final` AS `c` INNER JOIN `datawarehouse`.`16581729_entity_operations` AS `e` ON `c`.`entity_id` = `e`.`entity_id` ARRAY JOIN `c`.`_tags` AS `tag`
SELECT entity_id FROM entity_operations ARRAY JOIN nope AS x
!! Unknown identifier nope
SELECT count() FROM entity_operations ARRAY JOIN (SELECT groupArray(entity_id) FROM `16581730_entity_operations`) AS x
!! Table 16581730_entity_operations does not exist in your catalog
SELECT count() FROM entity_operations ARRAY JOIN arrayMap(x -> (SELECT max(entity_id) FROM `16581730_entity_operations`), _tags) AS y
!! Syntax error: Query expression encountered in illegal context
-- group: LIMIT n BY
SELECT schema, entity_id FROM entity_operations ORDER BY timestamp DESC LIMIT 2 BY schema
=> SELECT `schema`, `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `timestamp` DESC LIMIT 2 BY `schema`
SELECT schema, entity_id FROM entity_operations ORDER BY timestamp DESC LIMIT 2 BY schema LIMIT 10
=> SELECT `schema`, `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `timestamp` DESC LIMIT 2 BY `schema` LIMIT 10
SELECT schema, entity_id FROM entity_operations ORDER BY timestamp DESC LIMIT 1, 2 BY schema, entity_id
=> SELECT `schema`, `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `timestamp` DESC LIMIT 2 OFFSET 1 BY `schema`, `entity_id`
SELECT schema, entity_id FROM entity_operations LIMIT 2 OFFSET 1 BY schema
=> SELECT `schema`, `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` LIMIT 2 OFFSET 1 BY `schema`
SELECT entity_id FROM entity_operations LIMIT 1 BY nope
!! Unknown identifier nope
SELECT entity_id FROM entity_operations LIMIT 1 BY (SELECT 1 FROM `16581730_entity_operations`)
!! Table 16581730_entity_operations does not exist in your catalog
-- group: ORDER BY ... WITH FILL
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL
=> SELECT `toDate`(`timestamp`) AS `d`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `d` ORDER BY `d` WITH FILL
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d DESC WITH FILL FROM toDate('2024-02-01') TO toDate('2024-01-01') STEP -1
=> SELECT `toDate`(`timestamp`) AS `d`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `d` ORDER BY `d` DESC WITH FILL FROM `toDate`('2024-02-01') TO `toDate`('2024-01-01') STEP -1
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL STEP INTERVAL 1 DAY, n
=> SELECT `toDate`(`timestamp`) AS `d`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `d` ORDER BY `d` WITH FILL STEP INTERVAL 1 DAY, `n`
SELECT toDate(timestamp) AS d FROM entity_operations ORDER BY d WITH FILL FROM nope
!! Unknown identifier nope
SELECT toDate(timestamp) AS d FROM entity_operations ORDER BY d WITH FILL FROM (SELECT min(toDate(timestamp)) FROM `16581730_current_entities_final`)
!! Table 16581730_current_entities_final does not exist in your catalog
-- group: GROUP BY ... WITH TOTALS, ROLLUP, CUBE
SELECT schema, count() FROM entity_operations GROUP BY schema WITH TOTALS ORDER BY schema
=> SELECT `schema`, `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `schema` WITH TOTALS ORDER BY `schema`
SELECT schema, entity_id, count() FROM entity_operations GROUP BY schema, entity_id WITH ROLLUP WITH TOTALS
=> SELECT `schema`, `entity_id`, `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ROLLUP(`schema`, `entity_id`) WITH TOTALS
SELECT schema, count() FROM entity_operations GROUP BY schema WITH CUBE HAVING count() > 1
=> SELECT `schema`, `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY CUBE(`schema`) HAVING `count`(*) > 1
-- group: joins with strictness and GLOBAL, USING without parentheses
SELECT e.entity_id FROM entity_operations AS e ANY LEFT JOIN current_entities_final AS c ON e.entity_id = c.entity_id
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` LEFT ANY JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` ON `e`.`entity_id` = `c`.`entity_id`
SELECT e.entity_id FROM entity_operations AS e LEFT ANY JOIN current_entities_final AS c USING entity_id
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` LEFT ANY JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` USING (`entity_id`)
SELECT e.entity_id FROM entity_operations AS e GLOBAL INNER JOIN current_entities_final AS c USING (entity_id, schema)
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` GLOBAL INNER JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` USING (`entity_id`, `schema`)
SELECT e.entity_id FROM entity_operations AS e ASOF JOIN current_entities_final AS c ON e.entity_id = c.entity_id AND e.timestamp >= c.timestamp
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` ASOF JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` ON `e`.`entity_id` = `c`.`entity_id` AND `e`.`timestamp` >= `c`.`timestamp`
SELECT e.entity_id FROM entity_operations AS e ASOF LEFT JOIN current_entities_final AS c USING (entity_id, timestamp)
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` LEFT ASOF JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` USING (`entity_id`, `timestamp`)
SELECT e.entity_id FROM entity_operations AS e LEFT SEMI JOIN current_entities_final AS c ON e.entity_id = c.entity_id
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` LEFT SEMI JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` ON `e`.`entity_id` = `c`.`entity_id`
SELECT e.entity_id FROM entity_operations AS e RIGHT ANTI JOIN current_entities_final AS c ON e.entity_id = c.entity_id
=> SELECT `e`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e` RIGHT ANTI JOIN `datawarehouse`.`16581729_current_entities_final` AS `c` ON `e`.`entity_id` = `c`.`entity_id`
SELECT e.entity_id FROM entity_operations AS e ANY LEFT ALL JOIN current_entities_final AS c ON e.entity_id = c.entity_id
!! Syntax error: A join has one strictness (ANY, ALL, ASOF, SEMI or ANTI), not two: ANY and ALL
SELECT count() FROM entity_operations AS a ALL INNER JOIN `16581730_entity_operations` AS b USING entity_id
!! Table 16581730_entity_operations does not exist in your catalog
SELECT count() FROM entity_operations AS a GLOBAL JOIN datawarehouse.`16581730_entity_operations` AS b ON a.entity_id = b.entity_id
!! Table 16581730_entity_operations does not exist in your catalog
SELECT a.entity_id FROM (SELECT entity_id FROM entity_operations) AS a JOIN (SELECT entity_id FROM current_entities_final) AS b USING entity_id
=> SELECT `a`.`entity_id` FROM (SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`) AS `a` INNER JOIN (SELECT `entity_id` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`) AS `b` USING (`entity_id`)
-- group: GLOBAL IN
SELECT count() FROM entity_operations WHERE entity_id GLOBAL IN (SELECT entity_id FROM current_entities_final)
=> SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `entity_id` GLOBAL IN (SELECT `entity_id` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`)
SELECT count() FROM entity_operations WHERE entity_id GLOBAL NOT IN ('a', 'b')
=> SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `entity_id` GLOBAL NOT IN ('a', 'b')
SELECT count() FROM entity_operations WHERE entity_id GLOBAL IN (SELECT entity_id FROM `16581730_entity_operations`)
!! Table 16581730_entity_operations does not exist in your catalog
-- group: WITH expression AS name
WITH 5 AS n SELECT entity_id, n FROM entity_operations WHERE n > 1
=> WITH 5 AS `n` SELECT `entity_id`, `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `n` > 1
WITH toDate('2024-01-01') AS start SELECT count() FROM entity_operations WHERE timestamp >= start
=> WITH `toDate`('2024-01-01') AS `start` SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `timestamp` >= `start`
WITH (SELECT max(timestamp) FROM current_entities_final) AS latest SELECT count() FROM entity_operations WHERE timestamp = latest
=> WITH (SELECT `max`(`timestamp`) FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`) AS `latest` SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `timestamp` = `latest`
WITH 'opportunity' AS s, c AS (SELECT entity_id, schema FROM current_entities_final) SELECT count() FROM c WHERE schema = s
=> WITH 'opportunity' AS `s`, `c` AS (SELECT `entity_id`, `schema` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`) SELECT `count`(*) FROM `c` WHERE `schema` = `s`
WITH toDate(timestamp) AS d SELECT d, schema FROM entity_operations ORDER BY d LIMIT 1 BY schema
=> WITH `toDate`(`timestamp`) AS `d` SELECT `d`, `schema` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `d` LIMIT 1 BY `schema`
WITH nope AS n SELECT n FROM entity_operations
!! Unknown identifier nope
WITH (SELECT count() FROM `16581730_entity_operations`) AS n SELECT n
!! Table 16581730_entity_operations does not exist in your catalog
WITH (SELECT count() FROM system.tables) AS n SELECT n FROM entity_operations
!! System tables are not available
-- group: SELECT * EXCEPT / REPLACE, COLUMNS, ILIKE, SAMPLE, UInt8 aggregates, WITH TIES, aliases of denied functions
SELECT * EXCEPT (detail) FROM entity_operations
=> SELECT * EXCEPT (`detail`) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT e.* EXCEPT (detail, schema) FROM entity_operations AS e
=> SELECT `e`.* EXCEPT (`detail`, `schema`) FROM `datawarehouse`.`16581729_entity_operations` AS `e`
SELECT * REPLACE (1 AS schema) FROM entity_operations
=> SELECT * REPLACE (1 AS `schema`) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT * REPLACE ((SELECT max(entity_id) FROM `16581730_entity_operations`) AS schema) FROM entity_operations
!! Table 16581730_entity_operations does not exist in your catalog
SELECT COLUMNS('^_') FROM entity_operations
=> SELECT COLUMNS('^_') FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT entity_id FROM entity_operations WHERE schema ILIKE '%a%' AND schema NOT ILIKE 'b%'
=> SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `schema` ILIKE '%a%' AND `schema` NOT ILIKE 'b%'
SELECT count() FROM entity_operations SAMPLE 1/10 OFFSET 1/2
=> SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT count() FROM entity_operations AS e SAMPLE 0.1
=> SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `e`
SELECT sum(schema = 'a'), avg(schema = 'b') FROM entity_operations
=> SELECT `sum`(`schema` = 'a'), `avg`(`schema` = 'b') FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT sum(CAST(1 AS BIGINT)) FROM entity_operations
=> SELECT `sum`(`CAST`(1, 'BIGINT')) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT entity_id FROM entity_operations GROUP BY entity_id HAVING count()
=> SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `entity_id` HAVING `count`(*)
SELECT entity_id FROM entity_operations GROUP BY entity_id HAVING nope
!! Unknown identifier nope
SELECT entity_id FROM entity_operations ORDER BY entity_id OFFSET 4 ROWS
=> SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `entity_id` OFFSET 4 ROWS
SELECT entity_id FROM entity_operations ORDER BY entity_id LIMIT 1 WITH TIES
=> SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `entity_id` LIMIT 1 WITH TIES
SELECT entity_id FROM entity_operations ORDER BY entity_id LIMIT 1 BY schema LIMIT 2 WITH TIES
=> SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `entity_id` LIMIT 1 BY `schema` LIMIT 2 WITH TIES
SELECT authUser()
!! Function authUser() is not allowed
SELECT query_id()
!! Function query_id() is not allowed
-- group: DISTINCT ON (read as LIMIT 1 BY, as ClickHouse reads it), a parametric aggregate as HAVING, scalar WITH in a WITH table
SELECT DISTINCT ON (schema) schema, entity_id FROM entity_operations ORDER BY schema, timestamp
=> SELECT `schema`, `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `schema`, `timestamp` LIMIT 1 BY `schema`
SELECT DISTINCT ON (schema, entity_id) schema, entity_id FROM entity_operations
=> SELECT `schema`, `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` LIMIT 1 BY `schema`, `entity_id`
SELECT x FROM (SELECT DISTINCT ON (schema) schema AS x FROM entity_operations ORDER BY x LIMIT 5)
=> SELECT `x` FROM (SELECT `schema` AS `x` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` ORDER BY `x` LIMIT 1 BY `schema` LIMIT 5)
SELECT DISTINCT ON (schema) schema FROM entity_operations LIMIT 1 BY entity_id
!! Syntax error: DISTINCT ON and LIMIT BY cannot be used together
SELECT TOP 2 DISTINCT ON (schema) schema FROM entity_operations
!! Syntax error: TOP and DISTINCT ON cannot be used together
SELECT schema FROM entity_operations UNION ALL SELECT DISTINCT ON (schema) schema FROM entity_operations
!! DISTINCT ON is not supported in a part of a UNION, INTERSECT or EXCEPT
SELECT DISTINCT schema FROM entity_operations
=> SELECT DISTINCT `schema` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT entity_id FROM entity_operations GROUP BY entity_id HAVING sequenceMatch('(?1)(?2)')(timestamp, schema = 'a', schema = 'b')
=> SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `entity_id` HAVING `sequenceMatch`('(?1)(?2)')(`timestamp`, `schema` = 'a', `schema` = 'b')
WITH 'Wallbox' AS wanted, created AS (SELECT entity_id FROM entity_operations WHERE schema = wanted) SELECT count() FROM created
=> WITH 'Wallbox' AS `wanted`, `created` AS (SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `schema` = `wanted`) SELECT `count`(*) FROM `created`
SELECT DISTINCT ON (nope) schema FROM entity_operations
!! Unknown identifier nope
-- group: sub-columns of values (JSON paths, named tuple elements): a dotted name that starts with no table of the query
SELECT entity_id, j.payload._title AS title FROM (SELECT entity_id, CAST(detail, 'JSON') AS j FROM entity_operations) ORDER BY entity_id
=> SELECT `entity_id`, `j`.`payload`.`_title` AS `title` FROM (SELECT `entity_id`, `CAST`(`detail`, 'JSON') AS `j` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`) ORDER BY `entity_id`
SELECT CAST(('e1', 2), 'Tuple(id String, n UInt8)') AS t, t.id AS id
=> SELECT `CAST`(('e1', 2), 'Tuple(id String, n UInt8)') AS `t`, `t`.`id` AS `id`
SELECT e.entity_id, entity_operations.schema, datawarehouse.entity_operations.entity_id FROM entity_operations AS e, entity_operations
=> SELECT `e`.`entity_id`, `entity_operations`.`schema`, `entity_operations`.`entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `e`, `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT nope.x FROM entity_operations
!! Unknown identifier nope
SELECT `16581730_entity_operations`.entity_id FROM entity_operations
!! Unknown identifier 16581730_entity_operations
SELECT datawarehouse.`16581730_entity_operations`.entity_id FROM entity_operations
!! Unknown identifier datawarehouse.16581730_entity_operations
-- group: GROUP BY ALL and ORDER BY ALL (the validator groups by the select's items that are no aggregates)
SELECT schema, count() AS n FROM entity_operations GROUP BY ALL ORDER BY ALL
=> SELECT `schema`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ALL ORDER BY ALL
SELECT schema, substring(entity_id, 1, 2) AS p, count() AS n FROM entity_operations GROUP BY ALL WITH TOTALS ORDER BY ALL DESC
=> SELECT `schema`, SUBSTRING(`entity_id`, 1, 2) AS `p`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ALL WITH TOTALS ORDER BY ALL DESC
SELECT substring(substring(schema, 1, 2), 1, count(entity_id)) AS x FROM entity_operations GROUP BY ALL
=> SELECT SUBSTRING(SUBSTRING(`schema`, 1, 2), 1, `count`(`entity_id`)) AS `x` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ALL
SELECT schema, count() FROM entity_operations GROUP BY ALL WITH ROLLUP WITH TOTALS
=> SELECT `schema`, `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ALL WITH ROLLUP WITH TOTALS
SELECT schema, count() AS n FROM entity_operations GROUP BY ALL ORDER BY ALL LIMIT 1 BY schema
=> SELECT `schema`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ALL ORDER BY ALL LIMIT 1 BY `schema`
SELECT schema, nope FROM entity_operations GROUP BY ALL
!! Unknown identifier nope
SELECT schema, (SELECT max(entity_id) FROM `16581730_entity_operations`) AS m FROM entity_operations GROUP BY ALL
!! Table 16581730_entity_operations does not exist in your catalog
-- group: IN a WITH query or a table by its name (read as IN (SELECT * FROM name))
WITH deleted AS (SELECT entity_id FROM entity_operations) SELECT count() FROM entity_operations WHERE entity_id IN deleted
=> WITH `deleted` AS (SELECT `entity_id` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`) SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `entity_id` IN (SELECT * FROM `deleted`)
WITH d AS (SELECT entity_id FROM current_entities_final) SELECT count() FROM entity_operations WHERE entity_id NOT IN d AND entity_id GLOBAL IN d
=> WITH `d` AS (SELECT `entity_id` FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`) SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `entity_id` NOT IN (SELECT * FROM `d`) AND `entity_id` GLOBAL IN (SELECT * FROM `d`)
SELECT count() FROM entity_operations WHERE entity_id IN `16581730_entity_operations`
!! Table 16581730_entity_operations does not exist in your catalog
SELECT count() FROM entity_operations WHERE entity_id NOT IN datawarehouse.`16581730_current_entities_final`
!! Table 16581730_current_entities_final does not exist in your catalog
SELECT count() FROM entity_operations WHERE entity_id GLOBAL IN system.tables
!! System tables are not available
SELECT count() FROM entity_operations WHERE entity_id IN current_entities_final
!! Values passed to IN operator must have compatible types
WITH ('opportunity', 'contact') AS wanted SELECT count() FROM entity_operations WHERE schema IN wanted
=> WITH ('opportunity', 'contact') AS `wanted` SELECT `count`(*) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` WHERE `schema` IN ('opportunity', 'contact')
WITH ('opportunity', 'contact') AS wanted SELECT count() FROM entity_operations WHERE schema IN nope
!! Table nope does not exist in your catalog
WITH (SELECT groupArray(entity_id) FROM `16581730_entity_operations`) AS wanted SELECT count() FROM entity_operations WHERE entity_id IN wanted
!! Table 16581730_entity_operations does not exist in your catalog
-- group: column transformers: EXCEPT without parentheses, chained EXCEPT, REPLACE and APPLY
SELECT * EXCEPT detail FROM current_entities_final ORDER BY entity_id
=> SELECT * EXCEPT (`detail`) FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final` ORDER BY `entity_id`
SELECT * EXCEPT (detail) EXCEPT schema FROM current_entities_final
=> SELECT * EXCEPT (`detail`, `schema`) FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`
SELECT * EXCEPT (detail) REPLACE (toDate(timestamp) AS timestamp) FROM current_entities_final ORDER BY entity_id
=> SELECT * EXCEPT (`detail`) REPLACE (`toDate`(`timestamp`) AS `timestamp`) FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final` ORDER BY `entity_id`
SELECT replace(schema, 'a', 'b') FROM entity_operations
=> SELECT `replace`(`schema`, 'a', 'b') FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT COLUMNS('_id$') APPLY(length) APPLY(max) FROM current_entities_final
=> SELECT COLUMNS('_id$') APPLY (`length`) APPLY (`max`) FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final`
SELECT entity_id, COLUMNS('title') APPLY(x -> ifNull(x, '')) FROM current_entities_final ORDER BY entity_id
=> SELECT `entity_id`, COLUMNS('title') APPLY (`x` -> `ifNull`(`x`, '')) FROM `datawarehouse`.`16581729_current_entities_final` AS `current_entities_final` ORDER BY `entity_id`
SELECT * APPLY(currentUser) FROM current_entities_final
!! Function currentUser() is not allowed
SELECT * APPLY(authUser) FROM current_entities_final
!! Function authUser() is not allowed
SELECT * APPLY(x -> currentUser()) FROM current_entities_final
!! Function currentUser() is not allowed
SELECT * EXCEPT (detail) REPLACE ((SELECT max(entity_id) FROM `16581730_entity_operations`) AS schema) FROM current_entities_final
!! Table 16581730_entity_operations does not exist in your catalog
SELECT * APPLY(x -> (SELECT max(entity_id) FROM `16581730_entity_operations`)) FROM current_entities_final
!! Syntax error: Query expression encountered in illegal context
SELECT entity_id EXCEPT (schema) FROM current_entities_final
!! EXCLUDE/EXCEPT clause must follow a STAR expression
SELECT entity_id APPLY(max) FROM current_entities_final
!! APPLY after a select item needs * or COLUMNS('regexp') before it
-- group: WITH FILL ... INTERPOLATE
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL INTERPOLATE (n AS n)
=> SELECT `toDate`(`timestamp`) AS `day`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `day` ORDER BY `day` WITH FILL INTERPOLATE (`n` AS `n`)
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL INTERPOLATE
=> SELECT `toDate`(`timestamp`) AS `day`, `count`(*) AS `n` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY `day` ORDER BY `day` WITH FILL INTERPOLATE
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL INTERPOLATE (n AS (SELECT count() FROM `16581730_entity_operations`))
!! Table 16581730_entity_operations does not exist in your catalog
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL INTERPOLATE (n AS currentUser())
!! Function currentUser() is not allowed
-- group: typed JSON sub-columns and sub-columns of expressions
SELECT j.payload._title.:String AS title FROM (SELECT CAST(detail, 'JSON') AS j FROM entity_operations)
=> SELECT `j`.`payload`.`_title`.:String AS `title` FROM (SELECT `CAST`(`detail`, 'JSON') AS `j` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`)
SELECT (detail::JSON).operation AS op FROM entity_operations
=> SELECT CAST(`detail` , 'JSON').`operation` AS `op` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT CAST(detail, 'JSON').payload._schema AS s FROM entity_operations
=> SELECT `CAST`(`detail`, 'JSON').`payload`.`_schema` AS `s` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT (nope::JSON).a AS s FROM entity_operations
!! Unknown identifier nope
SELECT ((SELECT max(detail) FROM `16581730_entity_operations`)::JSON).a AS s FROM entity_operations
!! Table 16581730_entity_operations does not exist in your catalog
-- group: functions: the reviewed allowlist (server-describing functions, other names of them, unknown names)
SELECT showCertificate()
!! Function showCertificate() is not allowed: it describes the server
SELECT revision(), entity_id FROM entity_operations
!! Function revision() is not allowed: it describes the server
SELECT structureToCapnProtoSchema('a UInt8')
!! Function structureToCapnProtoSchema() is not allowed: it describes the server
SELECT entity_id FROM entity_operations WHERE buildId() != ''
!! Function buildId() is not allowed: it describes the server
SELECT arrayMap(x -> hostname(), _tags) FROM entity_operations
!! Function hostname() is not allowed: it describes the server
SELECT max(uptime()) FROM entity_operations
!! Function uptime() is not allowed: it describes the server
SELECT entity_id FROM entity_operations ORDER BY getServerSetting('max_threads')
!! Function getServerSetting() is not allowed: it tells the server's settings
SELECT count() FROM entity_operations GROUP BY entity_id HAVING max(length(current_user())) > 0
!! Function current_user() is not allowed: it tells who is connected and which queries run
SELECT filesystemAvailable()
!! Function filesystemAvailable() is not allowed: it reads the server's files or reaches the network
SELECT frobnicate(entity_id) FROM entity_operations
!! Unknown function frobnicate(): no function of that name may be called
SELECT sumIf(1, schema = 'x'), uniqExactArrayIf(_tags, 1), argMaxState(entity_id, timestamp), countOrNull() FROM entity_operations
=> SELECT `sumIf`(1, `schema` = 'x'), `uniqExactArrayIf`(`_tags`, 1), `argMaxState`(`entity_id`, `timestamp`), `countOrNull`() FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT arrayFilter(t -> t != '', _tags), TRIM(BOTH ' ' FROM entity_id), substring(entity_id, 1, 2) FROM entity_operations
=> SELECT `arrayFilter`(`t` -> `t` <> '', `_tags`), TRIM(BOTH ' ' FROM `entity_id`), SUBSTRING(`entity_id`, 1, 2) FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations`
SELECT schema, count() AS n, grouping(schema) AS t FROM entity_operations GROUP BY ROLLUP(schema)
=> SELECT `schema`, `count`(*) AS `n`, `grouping`(`schema`) AS `t` FROM `datawarehouse`.`16581729_entity_operations` AS `entity_operations` GROUP BY ROLLUP(`schema`)
