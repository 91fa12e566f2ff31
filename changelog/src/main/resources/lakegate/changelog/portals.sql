--liquibase formatted sql

--changeset lakegate:portal-sessions-1
--comment: Snapshot data like journey sessions: latest row per session wins; partitioned by start month.
CREATE TABLE IF NOT EXISTS `${database}`.portal_sessions ${onCluster}
(
    id              String CODEC(ZSTD(1)),
    org_id          LowCardinality(String),
    app_name        LowCardinality(String),
    start_time      DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    end_time        Nullable(DateTime64(3, 'UTC')),
    details         Nullable(String) CODEC(ZSTD(3)),
    last_updated_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    -- typed columns parsed once, at insert, from details (NULL when absent or malformed)
    device_type Nullable(String) MATERIALIZED JSONExtract(details, 'deviceType', 'Nullable(String)'),
    os_type Nullable(String) MATERIALIZED JSONExtract(details, 'osType', 'Nullable(String)'),
    browser_type_and_version Nullable(String) MATERIALIZED JSONExtract(details, 'browserTypeAndVersion', 'Nullable(String)'),
    screen_resolution Nullable(String) MATERIALIZED JSONExtract(details, 'screenResolution', 'Nullable(String)'),
    viewport_size Nullable(String) MATERIALIZED JSONExtract(details, 'viewportSize', 'Nullable(String)'),
    color_depth Nullable(Int32) MATERIALIZED JSONExtract(details, 'colorDepth', 'Nullable(Int32)'),
    language_preference Nullable(String) MATERIALIZED JSONExtract(details, 'languagePreference', 'Nullable(String)'),
    ip Nullable(String) MATERIALIZED JSONExtract(details, 'ip', 'Nullable(String)'),
    email Nullable(String) MATERIALIZED JSONExtract(details, 'email', 'Nullable(String)'),
    domain_name Nullable(String) MATERIALIZED JSONExtract(details, 'domainName', 'Nullable(String)'),
    referrer Nullable(String) MATERIALIZED JSONExtract(details, 'referrer', 'Nullable(String)'),
    INDEX idx_session id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(last_updated_at)
PARTITION BY toYYYYMM(start_time)
ORDER BY (org_id, app_name, start_time, id);
--rollback DROP TABLE IF EXISTS `${database}`.portal_sessions ${onCluster} SYNC

--changeset lakegate:portal-events-1
--comment: Event stream of the 38 portal event types, keyed by event id; bloom filter on session_id.
CREATE TABLE IF NOT EXISTS `${database}`.portal_events ${onCluster}
(
    id          String CODEC(ZSTD(1)),
    org_id      LowCardinality(String),
    session_id  String CODEC(ZSTD(1)),
    app_name    LowCardinality(String),
    type        LowCardinality(String),
    details     Nullable(String) CODEC(ZSTD(3)),
    created_at  DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
    -- typed columns parsed once, at insert, from details (keys documented in examples/portal-event-details.md)
    page_url Nullable(String) MATERIALIZED JSONExtract(details, 'url', 'Nullable(String)'),
    page_path Nullable(String) MATERIALIZED JSONExtract(details, 'path', 'Nullable(String)'),
    entity_id Nullable(String) MATERIALIZED JSONExtract(details, 'entityId', 'Nullable(String)'),
    entity_schema Nullable(String) MATERIALIZED JSONExtract(details, 'entitySchema', 'Nullable(String)'),
    document_name Nullable(String) MATERIALIZED JSONExtract(details, 'documentName', 'Nullable(String)'),
    external_url Nullable(String) MATERIALIZED JSONExtract(details, 'link', 'Nullable(String)'),
    journey_id Nullable(String) MATERIALIZED JSONExtract(details, 'journeyId', 'Nullable(String)'),
    attribute Nullable(String) MATERIALIZED JSONExtract(details, 'attribute', 'Nullable(String)'),
    INDEX idx_session session_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (org_id, app_name, type, created_at, id);
--rollback DROP TABLE IF EXISTS `${database}`.portal_events ${onCluster} SYNC
