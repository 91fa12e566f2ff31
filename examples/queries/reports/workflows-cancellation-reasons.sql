-- Why are workflows cancelled? Cancelled executions per closing reason and workflow, and each one's share of all
-- cancellations in percent.
SELECT
    c.closing_reason_title AS reason,
    e.name AS workflow,
    count() AS cancelled,
    round(100 * count() / sum(count()) OVER (), 1) AS pct_of_cancellations
FROM workflow_cancellations_final AS c
INNER JOIN workflow_executions_final AS e ON e.id = c.workflow_execution_id
GROUP BY reason, workflow
ORDER BY cancelled DESC, reason, workflow;
