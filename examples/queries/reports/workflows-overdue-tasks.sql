-- Which tasks are overdue? Enabled tasks of running workflows, neither completed nor skipped, whose due date has
-- passed: oldest first, with their workflow, assignee and days overdue.
SELECT
    t.id AS task_id,
    t.name AS task,
    t.phase_name AS phase_name,
    e.name AS workflow,
    t.status AS status,
    t.assigned_to AS assigned_to,
    t.due_date AS due_date,
    dateDiff('day', t.due_date, now()) AS days_overdue
FROM workflow_tasks_final AS t
INNER JOIN workflow_executions_final AS e ON e.id = t.workflow_execution_id
WHERE t.enabled
  AND t.status NOT IN ('COMPLETED', 'SKIPPED')
  AND t.due_date < now()
  AND e.status = 'STARTED'
ORDER BY t.due_date, task_id;
