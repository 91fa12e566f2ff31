--liquibase formatted sql

--changeset lakegate:credentials-1
-- Gateway credentials, shared by every gateway replica. Only a salted bcrypt hash of each password is stored. A
-- credential is never updated in place: revoking writes a newer row, and the latest row per username wins.
CREATE TABLE IF NOT EXISTS `${database}`.lakegate_credentials ${onCluster}
(
    username      String,
    org_id        String,
    label         String,
    password_hash String,
    created_at    DateTime64(3, 'UTC'),
    revoked_at    Nullable(DateTime64(3, 'UTC')),
    updated_at    DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(updated_at)
ORDER BY username;
--rollback DROP TABLE IF EXISTS `${database}`.lakegate_credentials ${onCluster} SYNC
