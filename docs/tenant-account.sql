-- The ClickHouse account lakegate runs tenant queries as, on a ClickHouse server (docs/tenant-account.md).
-- Run as an administrator; replace datawarehouse by the lake's database (--database) and the password by your own.
-- The embedded engine has no users and no grants: there the gateway's own checks and settings are the defence.

-- 1. Reads only. readonly = 2: no writes, no DDL, no table functions that write or reach out; the gateway may still
--    give each query its limits and row filters as settings (readonly = 1 would refuse those).
CREATE SETTINGS PROFILE IF NOT EXISTS lakegate_tenant_queries SETTINGS
    readonly = 2 CONST,
    allow_ddl = 0 CONST,
    allow_introspection_functions = 0 CONST,
    max_execution_time = 300 MAX 300,
    max_memory_usage = 4294967296 MAX 4294967296;

CREATE USER IF NOT EXISTS lakegate_tenant IDENTIFIED WITH sha256_password BY 'change-me'
    SETTINGS PROFILE lakegate_tenant_queries;

-- 2. The org views, and nothing else: no base table (entity_operations, ...), no parameterized tenant_* view, none
--    of the gateway's own tables (lakegate_credentials, lakegate_orgs, lakegate_limits, lakegate_audit).
--    ClickHouse reads a view with its definer's rights only when the view says so: make the org views
--    SQL SECURITY DEFINER, defined by the schema account (the one `lakegate schema update` runs as).
--    Generate the statements for every org view, and run them again after `lakegate org add`:
SELECT concat('ALTER TABLE `', database, '`.`', name, '` MODIFY SQL SECURITY DEFINER;')
FROM system.tables
WHERE database = 'datawarehouse' AND engine = 'View' AND match(name, '^[0-9]+_');

SELECT concat('GRANT SELECT ON `', database, '`.`', name, '` TO lakegate_tenant;')
FROM system.tables
WHERE database = 'datawarehouse' AND engine = 'View' AND match(name, '^[0-9]+_');

-- 3. The catalog tables that drivers read (system.tables, system.columns, ...) are readable by every user; the
--    gateway filters them to the tenant's views. Nothing else of system is granted.
