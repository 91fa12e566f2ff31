--liquibase formatted sql

--changeset lakegate:workflow-executions-1
-- Workflow execution snapshots: the source re-sends a whole row whenever it changes, and the latest row per
-- key wins. ReplacingMergeTree with the row's own change time as version (last_updated_at where the source has
-- one, else the ingestion time). Partitions by the month the execution/phase/task was created: that time never
-- changes, so all versions of a key share a partition and replace each other.
CREATE TABLE IF NOT EXISTS `${database}`.workflow_executions ${onCluster}
(
    org_id          LowCardinality(String),
    id              String CODEC(ZSTD(1)),
    name            String CODEC(ZSTD(1)),
    status          LowCardinality(String),
    definition_id   String CODEC(ZSTD(1)),
    trigger         LowCardinality(String) DEFAULT '',
    assigned_to     Array(String) CODEC(ZSTD(1)),
    due_date        Nullable(DateTime64(3, 'UTC')),
    created_at      DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    last_updated_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    started_at      Nullable(DateTime64(3, 'UTC')),
    completed_at    Nullable(DateTime64(3, 'UTC')),
    INDEX idx_definition definition_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(last_updated_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (org_id, id);
--rollback DROP TABLE IF EXISTS `${database}`.workflow_executions ${onCluster} SYNC

--changeset lakegate:workflow-phases-1
CREATE TABLE IF NOT EXISTS `${database}`.workflow_phases ${onCluster}
(
    org_id                LowCardinality(String),
    id                    String CODEC(ZSTD(1)),
    workflow_execution_id String CODEC(ZSTD(1)),
    definition_id         String CODEC(ZSTD(1)),
    position              Int32,
    name                  String CODEC(ZSTD(1)),
    status                LowCardinality(String),
    created_at            DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    started_at            Nullable(DateTime64(3, 'UTC')),
    completed_at          Nullable(DateTime64(3, 'UTC')),
    ingested_at           DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_execution workflow_execution_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (org_id, id);
--rollback DROP TABLE IF EXISTS `${database}`.workflow_phases ${onCluster} SYNC

--changeset lakegate:workflow-tasks-1
CREATE TABLE IF NOT EXISTS `${database}`.workflow_tasks ${onCluster}
(
    org_id                   LowCardinality(String),
    id                       String CODEC(ZSTD(1)),
    workflow_execution_id    String CODEC(ZSTD(1)),
    phase_id                 String CODEC(ZSTD(1)),
    phase_name               String CODEC(ZSTD(1)),
    definition_id            String CODEC(ZSTD(1)),
    entity_ref_id            String CODEC(ZSTD(1)),
    position                 Int32,
    name                     String CODEC(ZSTD(1)),
    status                   LowCardinality(String),
    execution_type           LowCardinality(String) DEFAULT 'MANUAL',
    assigned_to              String CODEC(ZSTD(1)),
    assigned_to_in_progress  String CODEC(ZSTD(1)),
    assigned_to_on_hold      String DEFAULT '' CODEC(ZSTD(1)),
    manually_created         Bool,
    enabled                  Bool,
    due_date                 Nullable(DateTime64(3, 'UTC')),
    created_at               DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    started_at               Nullable(DateTime64(3, 'UTC')),
    completed_at             Nullable(DateTime64(3, 'UTC')),
    status_last_updated      Nullable(DateTime64(3, 'UTC')),
    last_updated_at          DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    INDEX idx_execution workflow_execution_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_entity entity_ref_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(last_updated_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (org_id, id);
--rollback DROP TABLE IF EXISTS `${database}`.workflow_tasks ${onCluster} SYNC

--changeset lakegate:workflow-cancellations-1
--comment: one cancellation per execution; small, so no time partition
CREATE TABLE IF NOT EXISTS `${database}`.workflow_cancellations ${onCluster}
(
    org_id                LowCardinality(String),
    workflow_execution_id String CODEC(ZSTD(1)),
    closing_reason_id     String CODEC(ZSTD(1)),
    closing_reason_title  String CODEC(ZSTD(1)),
    ingested_at           DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
ORDER BY (org_id, workflow_execution_id);
--rollback DROP TABLE IF EXISTS `${database}`.workflow_cancellations ${onCluster} SYNC

--changeset lakegate:workflow-contexts-1
--comment: the entities an execution works on; the key is the pair, so no time partition
CREATE TABLE IF NOT EXISTS `${database}`.workflow_contexts ${onCluster}
(
    org_id                LowCardinality(String),
    workflow_execution_id String CODEC(ZSTD(1)),
    context_entity_id     String CODEC(ZSTD(1)),
    context_entity_schema LowCardinality(String),
    context_entity_title  String DEFAULT '' CODEC(ZSTD(1)),
    ingested_at           DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_entity context_entity_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
ORDER BY (org_id, workflow_execution_id, context_entity_id);
--rollback DROP TABLE IF EXISTS `${database}`.workflow_contexts ${onCluster} SYNC
