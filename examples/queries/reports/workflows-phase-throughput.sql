-- Phase throughput: how many phases of each name are completed per week (weeks start on Monday), and the median
-- hours a phase took from start to completion.
SELECT
    toStartOfWeek(completed_at, 1) AS week,
    name AS phase,
    count() AS completed,
    round(quantile(0.5)(dateDiff('minute', started_at, completed_at)) / 60, 1) AS median_hours
FROM workflow_phases_final
WHERE status = 'COMPLETED' AND completed_at IS NOT NULL
GROUP BY week, phase
ORDER BY week, phase;
