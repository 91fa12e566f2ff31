--liquibase formatted sql

--changeset lakegate:audit-1
--comment: The audit trail: one row per tenant query (and JDBC prepare), written by the gateway in batches. Each
--comment: batch carries an insert_deduplication_token, so a batch retried after a lost answer is stored once; the
--comment: table keeps a window of recent tokens for that. Rows expire after 400 days (to keep them longer or shorter:
--comment: ALTER TABLE lakegate_audit MODIFY TTL ..., which `schema drift` then reports as a deliberate difference).
CREATE TABLE IF NOT EXISTS `${database}`.lakegate_audit ${onCluster}
(
    time          DateTime64(3, 'UTC'),
    door          LowCardinality(String),
    org_id        String,
    user          String,
    query_id      String,
    step          LowCardinality(String),
    sql_received  String CODEC(ZSTD(3)),
    sql_run       String CODEC(ZSTD(3)),
    duration_ms   Float64,
    rows          UInt64,
    bytes         UInt64,
    outcome       LowCardinality(String),
    error_kind    LowCardinality(String),
    error         String
)
ENGINE = ${replicated}MergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (org_id, time)
TTL toDateTime(time) + toIntervalDay(400)
SETTINGS non_replicated_deduplication_window = 1000;
--rollback DROP TABLE IF EXISTS `${database}`.lakegate_audit ${onCluster} SYNC
