-- One query per line. Each must fail with a clear error or return only org 1500's rows. {db} is the lake's database.
SELECT * FROM `1501_entity_operations`
SELECT * FROM "1501_entity_operations"
SELECT * FROM 1501_entity_operations
SELECT * FROM {db}.`1501_entity_operations`
SELECT * FROM `{db}`.`1501_entity_operations`
SELECT * FROM "{db}"."1501_entity_operations"
SELECT * FROM `{db}.1501_entity_operations`
SELECT * FROM {db}.entity_operations WHERE org_id = '1501'
SELECT * FROM entity_operations WHERE org_id = '1501'
SELECT * FROM entity_operations WHERE org_id != '1500'
SELECT * FROM entity_operations WHERE 1 = 1 OR org_id = '1501'
SELECT * FROM entity_operations WHERE org_id IN ('1500', '1501')
SELECT * FROM `1501_current_entities_final`
SELECT * FROM `1501_current_entities`
SELECT * FROM `1501_journey_sessions_final`
SELECT * FROM `1501_portal_events_final`
SELECT * FROM `1501_workflow_tasks_final`
SELECT * FROM `1500_entity_operations` UNION ALL SELECT * FROM `1501_entity_operations`
SELECT entity_id FROM entity_operations UNION ALL SELECT entity_id FROM `1501_entity_operations`
SELECT entity_id FROM entity_operations UNION DISTINCT SELECT entity_id FROM {db}.`1501_entity_operations`
SELECT entity_id FROM entity_operations INTERSECT SELECT entity_id FROM `1501_entity_operations`
SELECT entity_id FROM entity_operations EXCEPT SELECT entity_id FROM `1501_entity_operations`
SELECT a.entity_id FROM entity_operations a JOIN `1501_entity_operations` b ON a.entity_id = b.entity_id
SELECT a.entity_id FROM entity_operations a LEFT JOIN `1501_entity_operations` b USING (entity_id)
SELECT a.entity_id FROM entity_operations a CROSS JOIN `1501_entity_operations` b
SELECT a.entity_id FROM entity_operations a, `1501_entity_operations` b
SELECT * FROM (SELECT * FROM `1501_entity_operations`) t
SELECT * FROM entity_operations WHERE entity_id IN (SELECT entity_id FROM `1501_entity_operations`)
SELECT * FROM entity_operations WHERE EXISTS (SELECT 1 FROM `1501_entity_operations`)
SELECT (SELECT max(detail) FROM `1501_entity_operations`) FROM entity_operations
SELECT (SELECT count() FROM `1501_entity_operations`) AS n
WITH t AS (SELECT * FROM `1501_entity_operations`) SELECT * FROM t
WITH entity_operations AS (SELECT * FROM `1501_entity_operations`) SELECT * FROM entity_operations
WITH `1500_entity_operations` AS (SELECT * FROM `1501_entity_operations`) SELECT * FROM `1500_entity_operations`
WITH x AS (SELECT * FROM entity_operations) SELECT * FROM x JOIN `1501_entity_operations` y ON 1 = 1
WITH a AS (SELECT 1 AS v), b AS (SELECT * FROM `1501_current_entities_final`) SELECT * FROM a, b
WITH entity_operations AS (SELECT * FROM current_entities_final) SELECT * FROM entity_operations
SELECT * FROM Entity_Operations
SELECT * FROM ENTITY_OPERATIONS
SELECT * FROM `entity_operations ` 
SELECT * FROM `entity_operations;`
SELECT * FROM `1501_entity_operations` -- `1500_entity_operations`
SELECT * FROM /* entity_operations */ `1501_entity_operations`
SELECT * FROM entity_operations /* ; SELECT * FROM `1501_entity_operations` */
SELECT * FROM entity_operations -- ; SELECT * FROM `1501_entity_operations`
SELECT * FROM entity_operations; SELECT * FROM `1501_entity_operations`
SELECT 1; DROP TABLE entity_operations
SELECT * FROM entity_operations;;SELECT 1
SELECT * FROM `1501_entity_operatіons`
SELECT * FROM `еntity_operations`
SELECT * FROM `1501_entity_operations`
SELECT * FROM `1５01_entity_operations`
SELECT * FROM `1501\_entity_operations`
SELECT * FROM `1501``_entity_operations`
SELECT * FROM "1501""_entity_operations"
SELECT * FROM `\x31501_entity_operations`
SELECT * FROM tenant_entity_operations(org_id = '1501')
SELECT * FROM {db}.tenant_entity_operations(org_id = '1501')
SELECT * FROM tenant_entity_operations
SELECT * FROM entity_operations(org_id = '1501')
SELECT * FROM {db}.entity_operations FINAL WHERE org_id = '1501'
SELECT * FROM `{db}`.`entity_operations_default_codecs`
SELECT * FROM current_entities_mv
SELECT * FROM lakegate_credentials
SELECT * FROM {db}.lakegate_credentials
SELECT * FROM lakegate_orgs
SELECT * FROM databasechangelog
SELECT * FROM system.tables
SELECT name FROM system.tables WHERE database = '{db}'
SELECT * FROM system.columns
SELECT * FROM system.databases
SELECT * FROM system.query_log
SELECT * FROM system.processes
SELECT * FROM system.parts
SELECT * FROM system.users
SELECT * FROM `system`.`tables`
SELECT * FROM "system"."tables"
SELECT * FROM SYSTEM.TABLES
SELECT * FROM information_schema.tables
SELECT * FROM INFORMATION_SCHEMA.COLUMNS
SELECT * FROM numbers(10)
SELECT * FROM remote('127.0.0.1', system.tables)
SELECT * FROM url('http://127.0.0.1:8123/?query=SELECT+1', TSV)
SELECT * FROM file('/etc/passwd')
SELECT * FROM merge('{db}', '^1501')
SELECT * FROM merge(currentDatabase(), '.*')
SELECT * FROM clusterAllReplicas(default, system.tables)
SELECT * FROM view(SELECT * FROM `1501_entity_operations`)
SELECT * FROM executable('cat /etc/passwd', TSV, 'x String')
SELECT * FROM generateRandom('a String')
SELECT * FROM TABLE(numbers(10))
SELECT * FROM LATERAL (SELECT * FROM `1501_entity_operations`)
SELECT * FROM UNNEST(ARRAY[1, 2])
SELECT dictGet('d', 'x', toUInt64(1))
SELECT joinGet('{db}.j', 'v', 1)
SELECT hasColumnInTable('{db}', '1501_entity_operations', 'detail')
SELECT currentUser()
SELECT hostName()
SELECT getSetting('max_memory_usage')
SELECT getMacro('shard')
SELECT sleep(3)
SELECT * FROM entity_operations SETTINGS max_execution_time = 999999
SELECT * FROM entity_operations SETTINGS max_result_rows = 0
SELECT * FROM entity_operations SETTINGS readonly = 0
SELECT * FROM entity_operations SETTINGS allow_ddl = 1
SELECT * FROM entity_operations SETTINGS additional_table_filters = {'entity_operations': 'org_id = 1501'}
SELECT * FROM entity_operations SETTINGS max_memory_usage = 99999999999999
SELECT * FROM entity_operations SETTINGS use_query_cache = 1
SET max_execution_time = 0
SET allow_ddl = 1
INSERT INTO entity_operations SELECT * FROM `1501_entity_operations`
INSERT INTO {db}.entity_operations (org_id) VALUES ('1500')
ALTER TABLE entity_operations DELETE WHERE 1 = 1
DROP TABLE entity_operations
DROP VIEW `1501_entity_operations`
CREATE TABLE x AS SELECT * FROM `1501_entity_operations`
CREATE VIEW x AS SELECT * FROM `1501_entity_operations`
TRUNCATE TABLE entity_operations
RENAME TABLE `1501_entity_operations` TO `1500_x`
OPTIMIZE TABLE entity_operations FINAL
SYSTEM DROP DNS CACHE
SYSTEM SHUTDOWN
KILL QUERY WHERE 1 = 1
SHOW TABLES
SHOW TABLES FROM {db}
SHOW CREATE TABLE `1501_entity_operations`
DESCRIBE TABLE `1501_entity_operations`
EXISTS TABLE `1501_entity_operations`
EXPLAIN SELECT * FROM `1501_entity_operations`
USE system
GRANT ALL ON *.* TO default
CHECK TABLE `1501_entity_operations`
SELECT * FROM entity_operations ARRAY JOIN _tags
SELECT * FROM entity_operations SAMPLE 0.5
SELECT * FROM entity_operations INTO OUTFILE '/tmp/x'
SELECT * FROM entity_operations ANY LEFT JOIN `1501_entity_operations` USING entity_id
SELECT * FROM entity_operations GLOBAL JOIN `1501_entity_operations` USING entity_id
SELECT entity_id FROM entity_operations WHERE entity_id GLOBAL IN (SELECT entity_id FROM `1501_entity_operations`)
SELECT * FROM entity_operations WHERE x = '\' OR 1=1 --'
SELECT * FROM entity_operations WHERE schema = 'a'' UNION ALL SELECT * FROM `1501_entity_operations` --'
SELECT * FROM entity_operations WHERE schema = '\'; SELECT * FROM `1501_entity_operations`; --'
SELECT `1501_entity_operations`.* FROM entity_operations
SELECT * FROM entity_operations AS `1501_entity_operations`
SELECT * FROM entity_operations `1501_entity_operations` JOIN `1501_entity_operations` USING (entity_id)
SELECT {fn CONCAT('a', (SELECT max(detail) FROM `1501_entity_operations`))}
SELECT * FROM {oj entity_operations LEFT OUTER JOIN `1501_entity_operations` ON 1 = 1}
SELECT [(SELECT max(detail) FROM `1501_entity_operations`)]
SELECT quantile(0.5)((SELECT count() FROM `1501_entity_operations`))
SELECT CAST((SELECT max(detail) FROM `1501_entity_operations`) AS String)
SELECT * FROM entity_operations WHERE entity_id = ANY (SELECT entity_id FROM `1501_entity_operations`)
SELECT * FROM entity_operations WINDOW w AS (PARTITION BY (SELECT 1 FROM `1501_entity_operations`))
SELECT * FROM entity_operations ORDER BY (SELECT max(detail) FROM `1501_entity_operations`)
SELECT count() FROM entity_operations GROUP BY (SELECT 1 FROM `1501_entity_operations` LIMIT 1)
SELECT count() FROM entity_operations HAVING count() > (SELECT count() FROM `1501_entity_operations`)
SELECT * FROM entity_operations LIMIT (SELECT count() FROM `1501_entity_operations`)
SELECT * FROM entity_operations WHERE detail LIKE '%NEIGHBOUR%'
SELECT * FROM current_entities_final WHERE _title = 'NEIGHBOUR-SECRET'
SELECT org_id, count() FROM entity_operations GROUP BY org_id
SELECT DISTINCT org_id FROM journey_sessions_final
SELECT * FROM journey_sessions_final WHERE org_id <> '1500'
-- injection through quoted names that end in a backslash (ClickHouse reads \` as an escaped quote)
SELECT `a\\`, `) FROM {db}.lakegate_credentials --` FROM entity_operations
SELECT "a\\", ") FROM {db}.lakegate_credentials --" FROM entity_operations
SELECT 1 AS `x\\` FROM entity_operations WHERE `y\\` = `) OR 1 IN (SELECT 1 FROM {db}.lakegate_credentials) --`
SELECT `entity_id\\`, `, password_hash FROM {db}.lakegate_credentials UNION ALL SELECT 1, 2 FROM entity_operations --` FROM entity_operations
-- injection through query parameter types
SELECT {p:String $$}$$) UNION ALL SELECT password_hash FROM {db}.lakegate_credentials --} FROM entity_operations
SELECT {p:String ‘}’) UNION ALL SELECT password_hash FROM {db}.lakegate_credentials --} FROM entity_operations
SELECT {p:Array(String]}) UNION ALL SELECT password_hash FROM {db}.lakegate_credentials --} FROM entity_operations
SELECT {p:String) UNION ALL SELECT password_hash FROM {db}.lakegate_credentials --} FROM entity_operations
SELECT {p:String} FROM entity_operations WHERE entity_id IN ({q:Array(String)}) OR 1 IN (SELECT 1 FROM {db}.lakegate_credentials)
SELECT {`p`:String} FROM entity_operations
-- strings as ClickHouse reads them: heredocs, Unicode quotes, backslash escapes
SELECT $$'$$, detail FROM entity_operations WHERE '1' = '1' UNION ALL SELECT password_hash, username FROM {db}.lakegate_credentials -- '
SELECT $t$ $$ ' $t$ AS a, detail FROM `1501_entity_operations`
SELECT ‘'’ AS a, password_hash FROM {db}.lakegate_credentials -- '
SELECT ’a’ FROM entity_operations
SELECT 'a\' UNION ALL SELECT password_hash FROM {db}.lakegate_credentials --' FROM entity_operations
SELECT 'a\\', password_hash FROM {db}.lakegate_credentials -- '
SELECT '\x27 UNION ALL SELECT password_hash FROM lakegate_credentials --' FROM entity_operations
SELECT '\xE2\x80\x98' AS a FROM entity_operations
SELECT “a\” FROM {db}.lakegate_credentials -- ” FROM entity_operations
-- comments as ClickHouse reads them
SELECT 1 FROM entity_operations #' UNION ALL SELECT password_hash FROM {db}.lakegate_credentials
SELECT 1 /* /* */ UNION ALL SELECT password_hash FROM {db}.lakegate_credentials */ FROM entity_operations
SELECT 1 FROM entity_operations // ' UNION ALL SELECT password_hash FROM {db}.lakegate_credentials
-- settings that would change what the server reads or how it analyses
SELECT count() FROM entity_operations SETTINGS compatibility = '24.1'
SELECT count() FROM entity_operations SETTINGS allow_experimental_analyzer = 0
SELECT count() FROM entity_operations SETTINGS max_threads = 10000
SELECT count() FROM entity_operations SETTINGS readonly = 0
SELECT count() FROM entity_operations SETTINGS additional_table_filters = {}
SELECT count() FROM entity_operations SETTINGS max_threads = '1, readonly = 0'
-- functions that describe the server or its users
SELECT current_user() FROM entity_operations
SELECT session_user() FROM entity_operations
SELECT authenticatedUser() FROM entity_operations
SELECT USER FROM entity_operations
SELECT CURRENT_USER FROM entity_operations
SELECT SESSION_USER FROM entity_operations
SELECT fullHostName() FROM entity_operations
SELECT dictGetUInt64('d', 'a', toUInt64(1)) FROM entity_operations
SELECT logTrace('x') FROM entity_operations
SELECT showCertificate() FROM entity_operations
SELECT revision() FROM entity_operations
SELECT structureToCapnProtoSchema('a UInt8') FROM entity_operations
SELECT count() FROM entity_operations WHERE 1 IN (SELECT 1 FROM `{db}`.`1501_entity_operations`)
SELECT * FROM system.databases
SELECT name, data_path, metadata_path FROM system.databases
SELECT name, data_paths, metadata_path, create_table_query FROM system.tables
SELECT * FROM `1501_opportunity_final`
SELECT * FROM {db}.`1501_opportunity_final`
SELECT * FROM opportunity_final UNION ALL SELECT * FROM `1501_opportunity_final`
SELECT entity_id FROM current_entities_final WHERE entity_id IN (SELECT entity_id FROM `1501_contact_final`)
-- constructs of the gateway's grammar
SELECT tuple((SELECT max(detail) FROM `1501_entity_operations`), 1).1
SELECT e.entity_id FROM entity_operations AS e LEFT SEMI JOIN `1501_entity_operations` AS n ON e.entity_id = n.entity_id
SELECT e.entity_id FROM entity_operations AS e LEFT ANTI JOIN {db}.lakegate_credentials AS n ON e.entity_id = n.username
SELECT (SELECT max(password_hash) FROM {db}.lakegate_credentials)::String
SELECT (SELECT max(detail) FROM `1501_entity_operations`)::Nullable(String)
SELECT 1::`Nullable(String)) FROM {db}.lakegate_credentials --`
SELECT 1::String) UNION ALL SELECT password_hash FROM {db}.lakegate_credentials --
SELECT TOP (SELECT count() FROM `1501_entity_operations`) entity_id FROM entity_operations
SELECT 1 WHERE (SELECT count() FROM `1501_entity_operations`) > 0
SELECT 'x' WHERE 1 == (SELECT count() FROM {db}.lakegate_credentials)
-- ClickHouse clauses and functions of issue 11: other orgs' names, base tables and the credential store inside every new construct
-- ARRAY JOIN and LEFT ARRAY JOIN: other orgs' names inside the arrays
SELECT entity_id, x FROM entity_operations ARRAY JOIN (SELECT groupArray(detail) FROM `1501_entity_operations`) AS x
SELECT entity_id, x FROM entity_operations ARRAY JOIN [(SELECT max(detail) FROM {db}.`1501_entity_operations`)] AS x
SELECT x FROM entity_operations LEFT ARRAY JOIN (SELECT groupArray(_title) FROM "1501_current_entities_final") AS x
SELECT t, x FROM entity_operations ARRAY JOIN _tags AS t, (SELECT groupArray(detail) FROM `{db}`.`1501_entity_operations`) AS x
SELECT * FROM `1501_entity_operations` ARRAY JOIN _tags
SELECT t FROM entity_operations ARRAY JOIN arrayMap(x -> (SELECT max(detail) FROM `1501_entity_operations`), _tags) AS t
SELECT x FROM entity_operations ARRAY JOIN (SELECT groupArray(password_hash) FROM {db}.lakegate_credentials) AS x
SELECT x FROM (SELECT groupArray(detail) AS a FROM {db}.entity_operations) ARRAY JOIN a AS x
SELECT x FROM entity_operations ARRAY JOIN `1501_entity_operations`._tags AS x
SELECT x FROM entity_operations AS `1501_entity_operations` ARRAY JOIN `1501_entity_operations`._tags AS x
SELECT entity_id, t FROM {db}.`1501_current_entities_final` LEFT ARRAY JOIN _tags AS t
SELECT x FROM entity_operations ARRAY JOIN JSONExtractKeys((SELECT max(detail) FROM "{db}"."1501_entity_operations")) AS x
-- LIMIT n BY with other orgs' rows in subqueries and in the clause itself
SELECT * FROM entity_operations WHERE entity_id IN (SELECT entity_id FROM `1501_entity_operations` ORDER BY timestamp LIMIT 1 BY entity_id)
SELECT * FROM (SELECT * FROM `1501_entity_operations` ORDER BY timestamp DESC LIMIT 1 BY entity_id)
SELECT entity_id FROM entity_operations ORDER BY entity_id LIMIT (SELECT count() FROM `1501_entity_operations`) BY entity_id
SELECT entity_id FROM entity_operations ORDER BY entity_id LIMIT 1 BY (SELECT max(detail) FROM "{db}"."1501_entity_operations")
SELECT entity_id FROM entity_operations ORDER BY entity_id LIMIT 1 OFFSET (SELECT count() FROM {db}.`1501_entity_operations`) BY entity_id
SELECT detail FROM {db}.entity_operations ORDER BY timestamp LIMIT 1 BY org_id
SELECT detail FROM entity_operations ORDER BY timestamp LIMIT 1 BY entity_id UNION ALL SELECT detail FROM `1501_entity_operations` ORDER BY timestamp LIMIT 1 BY entity_id
-- scalar WITH <expression> AS name
WITH (SELECT max(detail) FROM `1501_entity_operations`) AS x SELECT x
WITH (SELECT max(detail) FROM `1501_entity_operations`) AS x SELECT entity_id, x FROM entity_operations
WITH (SELECT groupArray(_title) FROM {db}.`1501_current_entities_final`) AS titles SELECT arrayJoin(titles)
WITH (SELECT max(password_hash) FROM {db}.lakegate_credentials) AS h SELECT h FROM entity_operations
WITH `1501_entity_operations` AS x SELECT * FROM x
WITH x AS (SELECT * FROM `1501_entity_operations`), (SELECT max(detail) FROM x) AS d SELECT d
WITH 1 AS a, (SELECT max(detail) FROM "1501_entity_operations") AS b SELECT a, b FROM entity_operations
WITH (SELECT max(detail) FROM {db}.entity_operations) AS d SELECT d
WITH (SELECT max(detail) FROM `1501_entity_operations`) AS entity_operations SELECT * FROM entity_operations
-- JOIN ... USING on aliased subqueries and tables of another org
SELECT entity_id, b.detail FROM (SELECT entity_id FROM entity_operations) AS a JOIN (SELECT entity_id, detail FROM `1501_entity_operations`) AS b USING (entity_id)
SELECT entity_id, detail FROM entity_operations JOIN {db}.`1501_entity_operations` USING (entity_id)
SELECT entity_id, b._title FROM entity_operations AS a JOIN (SELECT * FROM `{db}`.`1501_current_entities_final`) AS b USING entity_id
SELECT entity_id, b.password_hash FROM entity_operations AS a LEFT JOIN (SELECT username AS entity_id, password_hash FROM {db}.lakegate_credentials) AS b USING (entity_id)
SELECT * FROM entity_operations FULL JOIN "1501_entity_operations" USING (activity_id)
SELECT entity_id, b.detail FROM current_entities_final AS a JOIN {db}.current_entities AS b USING (entity_id)
SELECT entity_id, b.detail FROM (SELECT entity_id FROM current_entities_final) AS a INNER JOIN (SELECT entity_id, detail FROM {db}.entity_operations) AS b USING (entity_id)
-- JSON sub-columns
SELECT j.payload._title FROM (SELECT CAST(detail, 'JSON') AS j FROM `1501_entity_operations`)
SELECT CAST((SELECT max(detail) FROM `1501_entity_operations`), 'JSON').payload._title
SELECT j.payload._title FROM (SELECT detail::JSON AS j FROM {db}.entity_operations)
SELECT CAST(`1501_entity_operations`.detail, 'JSON').payload FROM entity_operations
SELECT getSubcolumn(CAST((SELECT max(detail) FROM {db}.`1501_entity_operations`), 'JSON'), 'payload._title')
SELECT j.^payload FROM (SELECT CAST(detail, 'JSON') AS j FROM `{db}`.`1501_current_entities_final`)
SELECT j.payload._title.:String FROM (SELECT detail::JSON AS j FROM "{db}"."1501_entity_operations")
SELECT (detail::JSON).payload._title FROM `1501_entity_operations`
-- lambdas
SELECT arrayMap(x -> (SELECT max(detail) FROM `1501_entity_operations`), _tags) FROM entity_operations
SELECT arrayFilter(x -> x IN (SELECT entity_id FROM `1501_entity_operations`), [entity_id]) FROM entity_operations
SELECT arrayMap(x -> concat(x, (SELECT max(password_hash) FROM {db}.lakegate_credentials)), _tags) FROM current_entities_final
SELECT arrayExists(x -> x = (SELECT max(_title) FROM "{db}"."1501_current_entities_final"), _tags) FROM current_entities_final
SELECT arrayMap(x -> joinGet('{db}.j', 'v', x), [1])
SELECT arrayMap(x -> dictGet('d', 'x', toUInt64(x)), [1])
SELECT arrayMap(x -> hostName(), [1])
SELECT arrayMap(x -> currentUser(), _tags) FROM entity_operations
SELECT arraySort(x -> (SELECT count() FROM `1501_entity_operations`), _tags) FROM entity_operations
SELECT arrayMap(`1501_entity_operations` -> `1501_entity_operations`, [1])
SELECT arrayMap(x -> (SELECT max(detail) FROM {db}.entity_operations WHERE org_id = x), ['1501'])
SELECT arrayReduce('max', (SELECT groupArray(detail) FROM `1501_entity_operations`))
-- WITH FILL FROM / TO / STEP and INTERPOLATE with subqueries
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL FROM (SELECT min(toDate(timestamp)) FROM `1501_entity_operations`)
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL TO (SELECT max(toDate(timestamp)) FROM {db}.`1501_entity_operations`)
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL STEP (SELECT count() FROM `1501_entity_operations`)
SELECT toDate(timestamp) AS d, count() AS n FROM entity_operations GROUP BY d ORDER BY d WITH FILL INTERPOLATE (n AS (SELECT count() FROM `1501_entity_operations`))
SELECT toDate(timestamp) AS d, any(detail) AS x FROM {db}.entity_operations GROUP BY d ORDER BY d WITH FILL
-- GLOBAL IN and IN <table>
SELECT entity_id FROM entity_operations WHERE entity_id GLOBAL IN (SELECT entity_id FROM `{db}`.`1501_entity_operations`)
SELECT entity_id FROM entity_operations WHERE entity_id GLOBAL NOT IN (SELECT entity_id FROM "1501_current_entities_final")
SELECT count() FROM entity_operations WHERE (entity_id, activity_id) GLOBAL IN (SELECT entity_id, activity_id FROM {db}.`1501_entity_operations`)
SELECT 1 GLOBAL IN (SELECT 1 FROM {db}.lakegate_credentials)
SELECT entity_id FROM entity_operations WHERE entity_id GLOBAL IN `1501_entity_operations`
SELECT entity_id FROM entity_operations WHERE entity_id IN `1501_entity_operations`
SELECT entity_id FROM entity_operations WHERE entity_id IN {db}.`1501_entity_operations`
SELECT entity_id FROM entity_operations WHERE entity_id IN {db}.lakegate_credentials
SELECT entity_id FROM entity_operations WHERE entity_id GLOBAL IN {db}.entity_operations
-- ANY, ASOF, SEMI and GLOBAL joins to another org's views and to the base tables
SELECT a.entity_id, b.detail FROM entity_operations AS a ANY LEFT JOIN `1501_entity_operations` AS b ON a.entity_id = b.entity_id
SELECT a.entity_id, b.detail FROM entity_operations AS a LEFT ANY JOIN {db}.`1501_entity_operations` AS b USING (entity_id)
SELECT a.activity_id, b.detail FROM entity_operations AS a ASOF JOIN `1501_entity_operations` AS b ON a.entity_id = b.entity_id AND a.timestamp >= b.timestamp
SELECT a.activity_id, b.detail FROM entity_operations AS a ASOF LEFT JOIN "{db}"."1501_entity_operations" AS b ON a.entity_id = b.entity_id AND a.timestamp >= b.timestamp
SELECT a.activity_id, b.detail FROM entity_operations AS a ASOF JOIN (SELECT * FROM `1501_entity_operations`) AS b USING (entity_id, timestamp)
SELECT a.entity_id, b.detail FROM entity_operations AS a GLOBAL ANY LEFT JOIN `{db}`.`1501_entity_operations` AS b ON a.entity_id = b.entity_id
SELECT a.entity_id, b.detail FROM entity_operations AS a ANY INNER JOIN {db}.entity_operations AS b ON a.entity_id = b.entity_id
SELECT b.detail FROM entity_operations AS a RIGHT ANY JOIN `1501_entity_operations` AS b ON a.entity_id = b.entity_id
SELECT b.detail FROM entity_operations AS a RIGHT SEMI JOIN {db}.entity_operations AS b ON a.entity_id = b.entity_id
SELECT a.activity_id FROM entity_operations AS a ASOF JOIN entity_operations AS b ON a.entity_id = b.entity_id AND a.timestamp >= (SELECT max(timestamp) FROM `1501_entity_operations`)
SELECT b.detail FROM entity_operations AS a GLOBAL JOIN {db}.current_entities AS b ON a.entity_id = b.entity_id
-- DISTINCT ON
SELECT DISTINCT ON (entity_id) entity_id, detail FROM `1501_entity_operations`
SELECT DISTINCT ON ((SELECT max(detail) FROM `1501_entity_operations`)) entity_id FROM entity_operations
SELECT DISTINCT ON (org_id) org_id, detail FROM {db}.entity_operations
SELECT DISTINCT ON (entity_id) entity_id FROM entity_operations WHERE entity_id IN (SELECT entity_id FROM "1501_entity_operations")
-- COLUMNS('regexp'), EXCEPT and REPLACE
SELECT COLUMNS('.*') FROM `1501_entity_operations`
SELECT COLUMNS('detail') FROM {db}.`1501_entity_operations`
SELECT COLUMNS('password') FROM {db}.lakegate_credentials
SELECT COLUMNS('1501_') FROM entity_operations
SELECT COLUMNS('.*') FROM entity_operations AS a JOIN `1501_entity_operations` AS b USING (entity_id)
SELECT b.COLUMNS('detail') FROM entity_operations AS a JOIN `1501_entity_operations` AS b ON a.entity_id = b.entity_id
SELECT COLUMNS('_title') APPLY(x -> (SELECT max(_title) FROM `1501_current_entities_final`)) FROM current_entities_final
SELECT COLUMNS('detail') FROM {db}.entity_operations
SELECT * EXCEPT (org_id) FROM `1501_entity_operations`
SELECT * REPLACE ((SELECT max(detail) FROM `1501_entity_operations`) AS detail) FROM entity_operations
SELECT * EXCEPT (detail) REPLACE ((SELECT max(password_hash) FROM {db}.lakegate_credentials) AS entity_id) FROM entity_operations
SELECT b.* EXCEPT (org_id) FROM entity_operations AS a JOIN {db}.`1501_entity_operations` AS b USING (entity_id)
SELECT * EXCEPT (activity_id) FROM {db}.entity_operations
SELECT * APPLY(x -> (SELECT max(detail) FROM "1501_entity_operations")) FROM current_entities_final
-- more ClickHouse clauses aimed at another org
SELECT entity_id FROM `1501_entity_operations` GROUP BY entity_id WITH TOTALS
SELECT schema, count() FROM {db}.entity_operations GROUP BY schema WITH ROLLUP
SELECT detail FROM `1501_entity_operations` SAMPLE 0.5
SELECT detail FROM {db}.entity_operations SAMPLE 1 / 2
SELECT entity_id, detail FROM entity_operations QUALIFY detail = (SELECT max(detail) FROM `1501_entity_operations`)
SELECT schema, count() FROM entity_operations GROUP BY ALL HAVING count() < (SELECT count() FROM {db}.`1501_entity_operations`)
-- functions that describe the server, its users and its queries (names and aliases)
SELECT currentSchemas(true)
SELECT showCertificate()
SELECT revision()
SELECT structureToCapnProtoSchema('a UInt8')
SELECT structureToProtobufSchema('a UInt8')
SELECT getSetting('readonly')
SELECT getSettingOrDefault('max_memory_usage', 0)
SELECT getServerSetting('max_connections')
SELECT getMergeTreeSetting('index_granularity')
SELECT user()
SELECT hostname()
SELECT fqdn()
SELECT tcpPort()
SELECT getServerPort('http_port')
SELECT serverUUID()
SELECT buildId()
SELECT uptime()
SELECT getOSKernelVersion()
SELECT displayName()
SELECT currentProfiles(), currentRoles()
SELECT getClientHTTPHeader('Authorization')
SELECT filesystemAvailable()
SELECT currentQueryID()
SELECT connection_id()
SELECT __getScalar('x')
SELECT zookeeperSessionUptime()
SELECT authUser()
SELECT query_id()
SELECT current_query_id()
SELECT initial_query_id()
SELECT initial_query_start_time()
SELECT AUTHUSER()
SELECT getMaxTableNameLengthForDatabase('{db}')
SELECT count() FROM entity_operations SAMPLE 1/2 WHERE entity_id IN (SELECT entity_id FROM `1501_entity_operations` SAMPLE 0.5)
SELECT * EXCEPT (org_id) FROM `1501_entity_operations`
SELECT * REPLACE ((SELECT max(entity_id) FROM `1501_entity_operations`) AS entity_id) FROM entity_operations
SELECT COLUMNS('.*') FROM `1501_entity_operations`
SELECT entity_id FROM entity_operations ORDER BY entity_id LIMIT 1 WITH TIES UNION ALL SELECT entity_id FROM `1501_entity_operations`
-- the ClickHouse door's catalog: short names and blanked definitions must never show another org's objects
SELECT name FROM system.tables WHERE name LIKE '%1501%'
SELECT name FROM system.tables WHERE name NOT LIKE '1500%'
SELECT table, name FROM system.columns WHERE table NOT LIKE '1500%' AND table NOT IN (SELECT substring(name, 6) FROM system.tables)
SELECT t.name, t.as_select, t.create_table_query FROM system.tables AS t WHERE t.as_select != '' OR t.create_table_query != ''
SELECT arrayJoin(loading_dependencies_table) AS d FROM system.tables
SELECT arrayJoin(dependencies_table) AS d FROM system.tables
SELECT system.tables.name FROM system.tables WHERE system.tables.database = '{db}'
SELECT name FROM system.tables UNION ALL SELECT name FROM system.tables AS x WHERE x.name LIKE '1501%'
SELECT count() FROM system.columns AS c JOIN system.tables AS t ON c.table = t.name WHERE t.name LIKE '%1501%'
SELECT name, engine_full, definer, metadata_path FROM system.tables
SHOW TABLES LIKE '1501%'
DESCRIBE TABLE `1501_entity_operations`
SELECT schema, count() AS n FROM entity_operations WHERE entity_id IN `1501_entity_operations` GROUP BY ALL
SELECT count() FROM entity_operations WHERE entity_id IN {db}.`1501_current_entities_final`
SELECT count() FROM entity_operations WHERE entity_id NOT IN `1501_current_entities_final`
SELECT count() FROM entity_operations WHERE entity_id GLOBAL IN system.tables
SELECT count() FROM entity_operations WHERE entity_id IN `{db}.1501_entity_operations`
WITH x AS (SELECT entity_id FROM `1501_entity_operations`) SELECT count() FROM entity_operations WHERE entity_id IN x
SELECT schema, (SELECT count() FROM `1501_entity_operations`) AS n FROM entity_operations GROUP BY ALL ORDER BY ALL
SELECT * EXCEPT detail REPLACE ((SELECT max(entity_id) FROM `1501_entity_operations`) AS entity_id) FROM entity_operations
SELECT * EXCEPT (detail) REPLACE ((SELECT any(detail) FROM `1501_current_entities_final`) AS schema) FROM current_entities_final
SELECT * APPLY(currentUser) FROM entity_operations
SELECT * APPLY(authUser) FROM entity_operations
SELECT COLUMNS('id') APPLY(x -> dictGet('d', 'a', x)) FROM entity_operations
SELECT COLUMNS('id') APPLY(hostName) FROM entity_operations
SELECT COLUMNS('id') APPLY(x -> (SELECT max(entity_id) FROM `1501_entity_operations`)) FROM entity_operations
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL INTERPOLATE (n AS (SELECT count() FROM `1501_entity_operations`))
SELECT toDate(timestamp) AS day, count() AS n FROM entity_operations GROUP BY day ORDER BY day WITH FILL INTERPOLATE (n AS currentUser())
SELECT ((SELECT any(detail) FROM `1501_entity_operations`)::JSON).operation AS op FROM entity_operations
SELECT CAST((SELECT any(detail) FROM `1501_entity_operations`), 'JSON').payload._title AS t FROM entity_operations
SELECT j.payload._title.:String FROM (SELECT CAST(detail, 'JSON') AS j FROM `1501_entity_operations`)
SELECT (detail::JSON).operation FROM `1501_entity_operations`
SELECT showCertificate()
SELECT revision()
SELECT structureToCapnProtoSchema('a UInt8')
SELECT structureToProtobufSchema('a UInt8')
SELECT buildId()
SELECT uptime(), version() FROM entity_operations
SELECT serverUUID()
SELECT getServerPort('tcp_port')
SELECT tcpPort()
SELECT getOSKernelVersion()
SELECT fqdn()
SELECT arrayMap(x -> FQDN(), _tags) FROM entity_operations
SELECT getSettingOrDefault('max_memory_usage', 0)
SELECT getServerSetting('max_server_memory_usage')
SELECT authUser()
SELECT connection_id()
SELECT filesystemAvailable()
SELECT initialQueryStartTime()
SELECT sumIf(1, hostName() != '') FROM entity_operations
SELECT * FROM system.one WHERE showCertificate() != ''
SELECT revision() FROM system.one
SELECT name FROM system.tables WHERE database = buildId()
WITH (SELECT groupArray(entity_id) FROM `1501_entity_operations`) AS wanted SELECT count() FROM entity_operations WHERE entity_id IN wanted
WITH ('a', 'b') AS `1501_entity_operations` SELECT count() FROM entity_operations WHERE entity_id IN `1501_entity_operations`
