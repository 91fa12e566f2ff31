--liquibase formatted sql

--changeset lakegate:limits-1
--comment: Per-org tenant limits, shared by every gateway replica. A column left NULL takes the gateway's default (its
--comment: --max-... flags). Never updated in place: a change writes a newer row, and the latest row per org wins.
CREATE TABLE IF NOT EXISTS `${database}`.lakegate_limits ${onCluster}
(
    org_id                          String,
    max_execution_seconds           Nullable(UInt64),
    max_result_rows                 Nullable(UInt64),
    max_result_bytes                Nullable(UInt64),
    max_memory_bytes                Nullable(UInt64),
    max_concurrent_queries          Nullable(UInt32),
    max_connections_per_credential  Nullable(UInt32),
    max_connections_per_org         Nullable(UInt32),
    max_queries_per_minute          Nullable(UInt32),
    updated_at                      DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(updated_at)
ORDER BY org_id;
--rollback DROP TABLE IF EXISTS `${database}`.lakegate_limits ${onCluster} SYNC
