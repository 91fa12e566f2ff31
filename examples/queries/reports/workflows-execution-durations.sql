-- How long do workflows take? Completed (DONE) executions per workflow and month of completion: how many, and the
-- average and median hours from start to completion.
SELECT
    name AS workflow,
    toStartOfMonth(completed_at) AS month,
    count() AS completed,
    round(avg(dateDiff('minute', started_at, completed_at)) / 60, 1) AS avg_hours,
    round(quantile(0.5)(dateDiff('minute', started_at, completed_at)) / 60, 1) AS median_hours
FROM workflow_executions_final
WHERE status = 'DONE' AND started_at IS NOT NULL AND completed_at IS NOT NULL
GROUP BY workflow, month
ORDER BY month, workflow;
