--liquibase formatted sql

--changeset lakegate:retention-1 runOnChange:true
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT toUInt8(${retentionDays} > 0)
-- Optional retention of the event streams: with retentionDays > 0 whole months older than that are dropped.
-- runOnChange: a new retentionDays changes the statement, so the next update applies it.
ALTER TABLE `${database}`.entity_operations ${onCluster} MODIFY TTL toDateTime(timestamp) + toIntervalDay(${retentionDays});
ALTER TABLE `${database}`.journey_events ${onCluster} MODIFY TTL toDateTime(created_at) + toIntervalDay(${retentionDays});
ALTER TABLE `${database}`.portal_events ${onCluster} MODIFY TTL toDateTime(created_at) + toIntervalDay(${retentionDays});
--rollback ALTER TABLE `${database}`.entity_operations ${onCluster} REMOVE TTL;
--rollback ALTER TABLE `${database}`.journey_events ${onCluster} REMOVE TTL;
--rollback ALTER TABLE `${database}`.portal_events ${onCluster} REMOVE TTL;
