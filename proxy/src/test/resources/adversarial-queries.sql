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
