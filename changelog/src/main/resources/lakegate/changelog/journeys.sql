--liquibase formatted sql

--changeset lakegate:journey-sessions-1
--comment: Snapshot data: a session row is re-sent as it ends; the latest (last_updated_at) wins. Partitioned by the
--comment: month it started, which never changes. Sessions are looked up per journey: ORDER BY (org_id, journey_id, ..).
CREATE TABLE IF NOT EXISTS `${database}`.journey_sessions ${onCluster}
(
    id              String CODEC(ZSTD(1)),
    org_id          LowCardinality(String),
    journey_id      String CODEC(ZSTD(1)),
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
    embedded_in Nullable(String) MATERIALIZED JSONExtract(details, 'embeddedIn', 'Nullable(String)'),
    is_launcher_journey Nullable(Bool) MATERIALIZED JSONExtract(details, 'isLauncherJourney', 'Nullable(Bool)'),
    INDEX idx_session id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(last_updated_at)
PARTITION BY toYYYYMM(start_time)
ORDER BY (org_id, journey_id, start_time, id);
--rollback DROP TABLE IF EXISTS `${database}`.journey_sessions ${onCluster} SYNC

--changeset lakegate:journey-events-1
--comment: Event stream keyed by the event id (ReplacingMergeTree: re-delivery is harmless once read with FINAL).
--comment: Bloom filter on session_id: funnels and session drill-downs filter by it.
CREATE TABLE IF NOT EXISTS `${database}`.journey_events ${onCluster}
(
    id          String CODEC(ZSTD(1)),
    org_id      LowCardinality(String),
    session_id  String CODEC(ZSTD(1)),
    journey_id  String CODEC(ZSTD(1)),
    type        LowCardinality(String),
    details     Nullable(String) CODEC(ZSTD(3)),
    created_at  DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
    -- typed columns parsed once, at insert, from details (NULL when absent or malformed)
    from_step_name Nullable(String) MATERIALIZED JSONExtract(details, 'fromStepName', 'Nullable(String)'),
    from_step_number Nullable(Int32) MATERIALIZED JSONExtract(details, 'fromStepNumber', 'Nullable(Int32)'),
    to_step_name Nullable(String) MATERIALIZED JSONExtract(details, 'toStepName', 'Nullable(String)'),
    to_step_number Nullable(Int32) MATERIALIZED JSONExtract(details, 'toStepNumber', 'Nullable(Int32)'),
    step_name Nullable(String) MATERIALIZED JSONExtract(details, 'stepName', 'Nullable(String)'),
    step_number Nullable(Int32) MATERIALIZED JSONExtract(details, 'stepNumber', 'Nullable(Int32)'),
    load_time_ms Nullable(Float64) MATERIALIZED JSONExtract(details, 'loadTime', 'Nullable(Float64)'),
    INDEX idx_session session_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (org_id, journey_id, created_at, id);
--rollback DROP TABLE IF EXISTS `${database}`.journey_events ${onCluster} SYNC
