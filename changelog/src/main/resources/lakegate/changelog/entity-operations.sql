--liquibase formatted sql

--changeset lakegate:entity-operations-1
--comment: Event stream of entity operations. ReplacingMergeTree keyed by the event (its activity_id) so a re-delivered
--comment: or re-loaded event never counts twice once read with FINAL. ORDER BY starts with org_id (every tenant query
--comment: filters on it), then schema (the reference query filters on it), then time. Monthly partitions bound merges
--comment: and let retention drop whole months. Codecs: Delta+ZSTD for monotone times, ZSTD(3) for the JSON text,
--comment: LowCardinality for the enum-like columns. entity_id gets a bloom filter: tenants look entities up by id.
CREATE TABLE IF NOT EXISTS `${database}`.entity_operations ${onCluster}
(
    activity_id String CODEC(ZSTD(1)),
    entity_id   String CODEC(ZSTD(1)),
    org_id      LowCardinality(String),
    operation   LowCardinality(String),
    schema      LowCardinality(String),
    timestamp   DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    detail      String CODEC(ZSTD(3)),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta, ZSTD(1)),
    -- typed columns parsed once, at insert, from detail.payload (NULL / [] when absent or malformed)
    _id Nullable(String) MATERIALIZED JSONExtract(detail, 'payload', '_id', 'Nullable(String)'),
    _org Nullable(String) MATERIALIZED JSONExtract(detail, 'payload', '_org', 'Nullable(String)'),
    _schema Nullable(String) MATERIALIZED JSONExtract(detail, 'payload', '_schema', 'Nullable(String)'),
    _title Nullable(String) MATERIALIZED JSONExtract(detail, 'payload', '_title', 'Nullable(String)'),
    _tags Array(String) MATERIALIZED JSONExtract(detail, 'payload', '_tags', 'Array(String)'),
    _purpose Array(String) MATERIALIZED JSONExtract(detail, 'payload', '_purpose', 'Array(String)'),
    _created_at Nullable(DateTime64(3, 'UTC')) MATERIALIZED parseDateTime64BestEffortOrNull(JSONExtract(detail, 'payload', '_created_at', 'Nullable(String)'), 3, 'UTC'),
    _updated_at Nullable(DateTime64(3, 'UTC')) MATERIALIZED parseDateTime64BestEffortOrNull(JSONExtract(detail, 'payload', '_updated_at', 'Nullable(String)'), 3, 'UTC'),
    _deleted_at Nullable(DateTime64(3, 'UTC')) MATERIALIZED parseDateTime64BestEffortOrNull(JSONExtract(detail, 'payload', '_deleted_at', 'Nullable(String)'), 3, 'UTC'),
    source_title Nullable(String) MATERIALIZED JSONExtract(detail, 'payload', 'source', 'title', 'Nullable(String)'),
    INDEX idx_entity_id entity_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (org_id, schema, timestamp, activity_id);
--rollback DROP TABLE IF EXISTS `${database}`.entity_operations ${onCluster} SYNC

--changeset lakegate:current-entities-1
--comment: Latest state of every entity, kept up to date by the materialized view below as operations arrive, so the
--comment: _final views read one row per entity instead of the whole history. ReplacingMergeTree(version, is_deleted):
--comment: the newest operation wins and FINAL hides entities whose newest operation is a delete. Not partitioned by
--comment: month: an entity's versions must share a partition to replace each other.
CREATE TABLE IF NOT EXISTS `${database}`.current_entities ${onCluster}
(
    entity_id   String CODEC(ZSTD(1)),
    org_id      LowCardinality(String),
    schema      LowCardinality(String),
    operation   LowCardinality(String),
    activity_id String CODEC(ZSTD(1)),
    timestamp   DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    detail      String CODEC(ZSTD(3)),
    _id Nullable(String),
    _org Nullable(String),
    _schema Nullable(String),
    _title Nullable(String),
    _tags Array(String),
    _purpose Array(String),
    _created_at Nullable(DateTime64(3, 'UTC')),
    _updated_at Nullable(DateTime64(3, 'UTC')),
    _deleted_at Nullable(DateTime64(3, 'UTC')),
    source_title Nullable(String),
    version     UInt64,
    is_deleted  UInt8
)
ENGINE = ${replicated}ReplacingMergeTree(version, is_deleted)
ORDER BY (org_id, entity_id);
--rollback DROP TABLE IF EXISTS `${database}`.current_entities ${onCluster} SYNC

--changeset lakegate:current-entities-mv-1
--comment: version = milliseconds of the operation, then the activity id's (time-ordered ULID) hash to break ties
CREATE MATERIALIZED VIEW IF NOT EXISTS `${database}`.current_entities_mv ${onCluster}
TO `${database}`.current_entities
AS SELECT
    entity_id, org_id, schema, operation, activity_id, timestamp, detail,
    _id, _org, _schema, _title, _tags, _purpose, _created_at, _updated_at, _deleted_at, source_title,
    (toUInt64(toUnixTimestamp64Milli(timestamp)) * 1024) + (cityHash64(activity_id) % 1024) AS version,
    toUInt8(operation IN ('deleteEntity', 'softDeleteEntity')) AS is_deleted
FROM `${database}`.entity_operations;
--rollback DROP VIEW IF EXISTS `${database}`.current_entities_mv ${onCluster} SYNC
