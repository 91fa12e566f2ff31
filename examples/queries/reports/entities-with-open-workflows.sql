-- Which entities have workflows still running, and since when? Current entities joined to the executions that
-- work on them (workflow_contexts_final.context_entity_id = current_entities_final.entity_id): the relations of
-- the Power BI model in examples/powerbi.md.
SELECT
    ce.schema AS entity_schema,
    ce.entity_id AS entity_id,
    ce._title AS title,
    count() AS open_workflows,
    min(we.created_at) AS oldest_open_since
FROM current_entities_final AS ce
INNER JOIN workflow_contexts_final AS wc ON wc.context_entity_id = ce.entity_id
INNER JOIN workflow_executions_final AS we ON we.id = wc.workflow_execution_id
WHERE we.status = 'STARTED'
GROUP BY entity_schema, entity_id, title
ORDER BY open_workflows DESC, oldest_open_since;
