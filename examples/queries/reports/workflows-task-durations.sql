-- Which tasks take longest? Completed tasks per phase and task name: how many (and how many ran as automations),
-- median and 90th percentile minutes from start to completion.
SELECT
    phase_name,
    name AS task,
    count() AS completed,
    countIf(execution_type = 'AUTOMATION') AS automated,
    quantile(0.5)(dateDiff('minute', started_at, completed_at)) AS median_minutes,
    quantile(0.9)(dateDiff('minute', started_at, completed_at)) AS p90_minutes
FROM workflow_tasks_final
WHERE status = 'COMPLETED' AND started_at IS NOT NULL AND completed_at IS NOT NULL
GROUP BY phase_name, task
ORDER BY median_minutes DESC, phase_name, task;
