--liquibase formatted sql

--changeset lakegate:tenant-entity-operations-1 runOnChange:true
-- The views tenants read, each defined once as a parameterized view over its base table. Provisioning an org
-- creates thin views named {org}_<name> that call these with the org's id (see schema/OrgProvisioner); when
-- a definition here changes, `lakegate schema update` re-creates every org's views. Event streams and
-- snapshots are read with FINAL: one row per event / latest row per key, deleted entities hidden.
CREATE OR REPLACE VIEW `${database}`.tenant_entity_operations ${onCluster} AS
SELECT
    activity_id,
    entity_id,
    org_id,
    `operation`,
    `schema`,
    `timestamp`,
    detail,
    _id,
    _org,
    _schema,
    _title,
    _tags,
    _purpose,
    _created_at,
    _updated_at,
    _deleted_at,
    source_title
FROM `${database}`.entity_operations FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_entity_operations ${onCluster} SYNC

--changeset lakegate:tenant-current-entities-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_current_entities ${onCluster} AS
SELECT
    entity_id,
    org_id,
    `schema`,
    `operation`,
    activity_id,
    `timestamp`,
    detail,
    _id,
    _org,
    _schema,
    _title,
    _tags,
    _purpose,
    _created_at,
    _updated_at,
    _deleted_at,
    source_title,
    is_deleted
FROM `${database}`.current_entities
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_current_entities ${onCluster} SYNC

--changeset lakegate:tenant-current-entities-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_current_entities_final ${onCluster} AS
SELECT
    entity_id,
    org_id,
    `schema`,
    `operation`,
    activity_id,
    `timestamp`,
    detail,
    _id,
    _org,
    _schema,
    _title,
    _tags,
    _purpose,
    _created_at,
    _updated_at,
    _deleted_at,
    source_title
FROM `${database}`.current_entities FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_current_entities_final ${onCluster} SYNC

--changeset lakegate:tenant-workflow-executions-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_workflow_executions_final ${onCluster} AS
SELECT
    org_id,
    id,
    `name`,
    `status`,
    definition_id,
    `trigger`,
    assigned_to,
    due_date,
    created_at,
    last_updated_at,
    started_at,
    completed_at
FROM `${database}`.workflow_executions FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_workflow_executions_final ${onCluster} SYNC

--changeset lakegate:tenant-workflow-phases-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_workflow_phases_final ${onCluster} AS
SELECT
    org_id,
    id,
    workflow_execution_id,
    definition_id,
    `position`,
    `name`,
    `status`,
    created_at,
    started_at,
    completed_at
FROM `${database}`.workflow_phases FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_workflow_phases_final ${onCluster} SYNC

--changeset lakegate:tenant-workflow-tasks-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_workflow_tasks_final ${onCluster} AS
SELECT
    org_id,
    id,
    workflow_execution_id,
    phase_id,
    phase_name,
    definition_id,
    entity_ref_id,
    `position`,
    `name`,
    `status`,
    execution_type,
    assigned_to,
    assigned_to_in_progress,
    assigned_to_on_hold,
    manually_created,
    enabled,
    due_date,
    created_at,
    started_at,
    completed_at,
    status_last_updated,
    last_updated_at
FROM `${database}`.workflow_tasks FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_workflow_tasks_final ${onCluster} SYNC

--changeset lakegate:tenant-workflow-cancellations-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_workflow_cancellations_final ${onCluster} AS
SELECT
    org_id,
    workflow_execution_id,
    closing_reason_id,
    closing_reason_title
FROM `${database}`.workflow_cancellations FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_workflow_cancellations_final ${onCluster} SYNC

--changeset lakegate:tenant-workflow-contexts-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_workflow_contexts_final ${onCluster} AS
SELECT
    org_id,
    workflow_execution_id,
    context_entity_id,
    context_entity_schema,
    context_entity_title
FROM `${database}`.workflow_contexts FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_workflow_contexts_final ${onCluster} SYNC

--changeset lakegate:tenant-journey-sessions-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_journey_sessions_final ${onCluster} AS
SELECT
    id,
    org_id,
    journey_id,
    start_time,
    end_time,
    details,
    last_updated_at,
    device_type,
    os_type,
    browser_type_and_version,
    screen_resolution,
    viewport_size,
    color_depth,
    language_preference,
    ip,
    embedded_in,
    is_launcher_journey
FROM `${database}`.journey_sessions FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_journey_sessions_final ${onCluster} SYNC

--changeset lakegate:tenant-journey-events-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_journey_events_final ${onCluster} AS
SELECT
    id,
    org_id,
    session_id,
    journey_id,
    `type`,
    details,
    created_at,
    from_step_name,
    from_step_number,
    to_step_name,
    to_step_number,
    step_name,
    step_number,
    load_time_ms
FROM `${database}`.journey_events FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_journey_events_final ${onCluster} SYNC

--changeset lakegate:tenant-portal-sessions-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_portal_sessions_final ${onCluster} AS
SELECT
    id,
    org_id,
    app_name,
    start_time,
    end_time,
    details,
    last_updated_at,
    device_type,
    os_type,
    browser_type_and_version,
    screen_resolution,
    viewport_size,
    color_depth,
    language_preference,
    ip,
    email,
    domain_name,
    referrer
FROM `${database}`.portal_sessions FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_portal_sessions_final ${onCluster} SYNC

--changeset lakegate:tenant-portal-events-final-1 runOnChange:true
CREATE OR REPLACE VIEW `${database}`.tenant_portal_events_final ${onCluster} AS
SELECT
    id,
    org_id,
    session_id,
    app_name,
    `type`,
    details,
    created_at,
    page_url,
    page_path,
    entity_id,
    entity_schema,
    document_name,
    external_url,
    journey_id,
    attribute
FROM `${database}`.portal_events FINAL
WHERE org_id = {org_id:String};
--rollback DROP VIEW IF EXISTS `${database}`.tenant_portal_events_final ${onCluster} SYNC
