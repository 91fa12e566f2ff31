--liquibase formatted sql

--changeset lakegate:entity-views-1
--comment: The registry of each org's entity schema views ({org}_{schema}_final): the columns ClickHouse inferred from
--comment: the org's payloads (JSON: name, path, type), the version (a hash of the view's definition) and the type
--comment: widenings seen so far. Derived objects, not changelog objects: `lakegate org refresh` and `schema update`
--comment: write them, drift checks the live views against them. Latest row per (org, schema) wins.
CREATE TABLE IF NOT EXISTS `${database}`.lakegate_entity_views ${onCluster}
(
    org_id        String,
    entity_schema String,
    view_name     String,
    columns       String,
    conflicts     String DEFAULT '',
    views_version String,
    updated_at    DateTime64(3, 'UTC') DEFAULT now64(3),
    is_deleted    UInt8 DEFAULT 0
)
ENGINE = ${replicated}ReplacingMergeTree(updated_at, is_deleted)
ORDER BY (org_id, entity_schema);
--rollback DROP TABLE IF EXISTS `${database}`.lakegate_entity_views ${onCluster} SYNC
