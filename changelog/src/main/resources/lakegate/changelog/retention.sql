--liquibase formatted sql

--changeset lakegate:retention-1 runOnChange:true
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT toUInt8(${retentionDays} > 0)
-- Optional retention of the event streams: with retentionDays > 0 whole months older than that are dropped.
-- runOnChange: a new retentionDays changes the statement, so the next update applies it.
ALTER TABLE `${database}`.entity_operations ${onCluster} MODIFY TTL toDateTime(timestamp) + toIntervalDay(${retentionDays});
ALTER TABLE `${database}`.journey_events ${onCluster} MODIFY TTL toDateTime(created_at) + toIntervalDay(${retentionDays});
ALTER TABLE `${database}`.portal_events ${onCluster} MODIFY TTL toDateTime(created_at) + toIntervalDay(${retentionDays});
-- Rolling back keeps the TTL (a changeset marked ran by its precondition has none to remove); to stop expiring
-- data, run ALTER TABLE ... REMOVE TTL on the three tables.
--rollback SELECT 1
