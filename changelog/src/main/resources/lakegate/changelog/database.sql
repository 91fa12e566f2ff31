--liquibase formatted sql

--changeset lakegate:database-1
--comment: the lake's database (the changelog tables live in it too, so it exists before Liquibase runs)
CREATE DATABASE IF NOT EXISTS `${database}` ${onCluster};
--rollback SELECT 1

--changeset lakegate:orgs-1
--comment: provisioned organizations and the tenant-view version each was provisioned at; latest row per org wins
CREATE TABLE IF NOT EXISTS `${database}`.lakegate_orgs ${onCluster}
(
    org_id        String,
    views_version String,
    updated_at    DateTime64(3, 'UTC') DEFAULT now64(3),
    is_deleted    UInt8 DEFAULT 0
)
ENGINE = ${replicated}ReplacingMergeTree(updated_at, is_deleted)
ORDER BY org_id;
--rollback DROP TABLE IF EXISTS `${database}`.lakegate_orgs ${onCluster} SYNC
