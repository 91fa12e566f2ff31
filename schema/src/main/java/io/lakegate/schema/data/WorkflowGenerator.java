package io.lakegate.schema.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Workflow executions with their phases, tasks, contexts and (for closed executions) cancellations. Each execution
 * runs a definition on an entity of the catalog: its phases and tasks are simulated in time from its start, task by
 * task, so statuses follow from the times: what finished before the end of the time window is COMPLETED, the task
 * running then is IN_PROGRESS (or on hold, waiting, failed), later ones are PENDING; some executions are CLOSED part
 * way (with a cancellation), the rest STARTED or DONE. Executions that finished also get their earlier STARTED
 * snapshot row, as the source re-sends a row on every change (the _final views show the latest).
 */
final class WorkflowGenerator {
    static final String EXECUTIONS = "workflow_executions";
    static final String PHASES = "workflow_phases";
    static final String TASKS = "workflow_tasks";
    static final String CANCELLATIONS = "workflow_cancellations";
    static final String CONTEXTS = "workflow_contexts";
    private static final long NULL = Long.MIN_VALUE;
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** Where the simulation of a task ended. */
    private record TaskRow(String id, String name, int position, String status, boolean automation,
                           boolean manuallyCreated, String assignee, String inProgressBy, long started, long completed,
                           long due, long statusUpdated) {
    }

    private final OrgData org;
    private final Row row = new Row();

    WorkflowGenerator(OrgData org) {
        this.org = org;
    }

    void generate(int from, int to, Sinks sinks) {
        for (int i = from; i < to; i++) {
            execution(i, sinks);
        }
    }

    private void execution(int index, Sinks sinks) {
        Rng rng = Rng.derive(org.seed, org.org, "workflow", index);
        OrgData.Definition def = org.definition(rng);
        long latestStart = org.to - 2 * HOUR;
        EntityCatalog.Spec entity = org.entities.pick(rng, def.schema(), latestStart);
        long created = Math.min(entity.createdAt() + MINUTE + (long) rng.exponential(2 * DAY), latestStart);
        created = Math.max(created, entity.createdAt());
        String id = rng.uuid();
        boolean automatic = rng.chance(0.6);
        long started = created + (automatic ? 500 + rng.nextInt(5_000) : MINUTE + (long) rng.exponential(6 * HOUR));
        if (started >= org.to) {
            started = created;
        }
        List<String> assigned = new ArrayList<>();
        assigned.add(org.user(rng));
        if (rng.chance(0.25)) {
            String second = org.user(rng);
            if (!assigned.contains(second)) {
                assigned.add(second);
            }
        }
        long due = rng.chance(0.6) ? created + (long) rng.between(7, 60) * DAY : NULL;
        // closed executions stop after this many completed tasks
        boolean willClose = rng.chance(0.15);
        int tasksInDefinition = def.phases().stream().mapToInt(p -> p.tasks().size()).sum();
        int closeAfter = willClose ? rng.nextInt(tasksInDefinition) : Integer.MAX_VALUE;

        long t = started;
        long lastChange = started;
        boolean running = true;     // the execution still moves on
        boolean closed = false;
        int completedTasks = 0;
        long closedAt = NULL;
        int position = 0;
        for (OrgData.PhaseTemplate phase : def.phases()) {
            position++;
            String phaseId = rng.uuid();
            long phaseStarted = NULL;
            long phaseCompleted = NULL;
            List<TaskRow> tasks = new ArrayList<>();
            int taskPosition = 0;
            List<OrgData.TaskTemplate> templates = new ArrayList<>(phase.tasks());
            boolean extra = rng.chance(0.04);
            if (extra) {
                templates.add(new OrgData.TaskTemplate("Rückruf vereinbaren", false));
            }
            for (int k = 0; k < templates.size(); k++) {
                OrgData.TaskTemplate template = templates.get(k);
                taskPosition++;
                boolean manual = extra && k == templates.size() - 1;
                String taskId = rng.uuid();
                String assignee = template.automation() ? "" : org.user(rng);
                long taskDue = rng.chance(0.5) ? created + (long) rng.between(2, 45) * DAY : NULL;
                if (running && completedTasks >= closeAfter) {
                    // the execution is closed now; this and later tasks never start
                    running = false;
                    closed = true;
                    closedAt = Math.min(t + MINUTE + (long) rng.exponential(2 * DAY), org.to - 1);
                    lastChange = Math.max(lastChange, closedAt);
                }
                if (!running) {
                    String status = rng.chance(0.8) ? "PENDING" : rng.pick(new String[] {"SCHEDULED",
                        "CONDITION_PENDING"});
                    tasks.add(new TaskRow(taskId, template.name(), taskPosition, status, template.automation(),
                            manual, assignee, "", NULL, NULL, taskDue, NULL));
                    continue;
                }
                long taskStart = t + (template.automation() ? 1_000 : MINUTE + (long) rng.exponential(4 * HOUR));
                if (taskStart >= org.to) {
                    running = false;
                    tasks.add(new TaskRow(taskId, template.name(), taskPosition, "PENDING", template.automation(),
                            manual, assignee, "", NULL, NULL, taskDue, NULL));
                    continue;
                }
                if (phaseStarted == NULL) {
                    phaseStarted = taskStart;
                }
                long duration = template.automation() ? 2_000 + rng.nextInt(30_000)
                        : MINUTE + (long) rng.exponential(1.5 * DAY);
                long taskEnd = taskStart + duration;
                if (taskEnd >= org.to) {
                    running = false;
                    String status = rng.pick(new String[] {"IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "ON_HOLD",
                        "WAITING_FOR_CONFIRMATION", "FAILED"});
                    tasks.add(new TaskRow(taskId, template.name(), taskPosition, status, template.automation(),
                            manual, assignee, assignee, taskStart, NULL, taskDue, taskStart));
                    lastChange = Math.max(lastChange, taskStart);
                    continue;
                }
                boolean skipped = !template.automation() && rng.chance(0.05);
                tasks.add(skipped
                        ? new TaskRow(taskId, template.name(), taskPosition, "SKIPPED", false, manual, assignee, "",
                                NULL, taskEnd, taskDue, taskEnd)
                        : new TaskRow(taskId, template.name(), taskPosition, "COMPLETED", template.automation(),
                                manual, assignee, assignee, taskStart, taskEnd, taskDue, taskEnd));
                t = taskEnd;
                lastChange = Math.max(lastChange, taskEnd);
                completedTasks++;
            }
            boolean allDone = tasks.stream().allMatch(k -> k.status().equals("COMPLETED")
                    || k.status().equals("SKIPPED"));
            String phaseStatus;
            if (allDone) {
                phaseStatus = "COMPLETED";
                phaseCompleted = t;
                if (phaseStarted == NULL) {
                    phaseStarted = tasks.isEmpty() ? t : tasks.get(0).completed();
                }
            } else {
                phaseStatus = phaseStarted == NULL ? "OPEN" : "IN_PROGRESS";
            }
            sinks.get(PHASES).add(row.begin()
                    .put("org_id", org.org)
                    .put("id", phaseId)
                    .put("workflow_execution_id", id)
                    .put("definition_id", def.id())
                    .put("position", position)
                    .put("name", phase.name())
                    .put("status", phaseStatus)
                    .time("created_at", created)
                    .time("started_at", phaseStarted)
                    .time("completed_at", phaseCompleted)
                    .end());
            for (TaskRow task : tasks) {
                long taskLast = Math.max(created, Math.max(task.started() == NULL ? created : task.started(),
                        task.completed() == NULL ? created : task.completed()));
                sinks.get(TASKS).add(row.begin()
                        .put("org_id", org.org)
                        .put("id", task.id())
                        .put("workflow_execution_id", id)
                        .put("phase_id", phaseId)
                        .put("phase_name", phase.name())
                        .put("definition_id", def.id())
                        .put("entity_ref_id", entity.id())
                        .put("position", task.position())
                        .put("name", task.name())
                        .put("status", task.status())
                        .put("execution_type", task.automation() ? "AUTOMATION" : "MANUAL")
                        .put("assigned_to", task.assignee())
                        .put("assigned_to_in_progress", task.inProgressBy())
                        .put("assigned_to_on_hold", task.status().equals("ON_HOLD") ? task.assignee() : "")
                        .put("manually_created", task.manuallyCreated())
                        .put("enabled", true)
                        .time("due_date", task.due())
                        .time("created_at", created)
                        .time("started_at", task.started())
                        .time("completed_at", task.completed())
                        .time("status_last_updated", task.statusUpdated())
                        .time("last_updated_at", taskLast)
                        .end());
            }
        }
        boolean done = !closed && running;
        String status = closed ? "CLOSED" : done ? "DONE" : "STARTED";
        long completed = closed ? closedAt : done ? t : NULL;
        if (!status.equals("STARTED")) {
            // the snapshot the source sent while the execution was running
            executionRow(sinks, id, def, automatic, assigned, due, created, started, "STARTED", NULL, started);
        }
        executionRow(sinks, id, def, automatic, assigned, due, created, started, status, completed,
                Math.max(lastChange, completed == NULL ? started : completed));

        // the entities it works on: the entity it runs on, sometimes its contact and account
        contextRow(sinks, id, entity);
        if (!entity.schema().equals("contact") && rng.chance(0.5)) {
            contextRow(sinks, id, org.entities.pick(rng, "contact", created));
        }
        if (rng.chance(0.2)) {
            contextRow(sinks, id, org.entities.pick(rng, "account", created));
        }
        if (closed) {
            OrgData.ClosingReason reason = org.closingReasons.get(rng.nextInt(org.closingReasons.size()));
            sinks.get(CANCELLATIONS).add(row.begin()
                    .put("org_id", org.org)
                    .put("workflow_execution_id", id)
                    .put("closing_reason_id", reason.id())
                    .put("closing_reason_title", reason.title())
                    .end());
        }
    }

    private void executionRow(Sinks sinks, String id, OrgData.Definition def, boolean automatic, List<String> assigned,
                              long due, long created, long started, String status, long completed, long updated) {
        sinks.get(EXECUTIONS).add(row.begin()
                .put("org_id", org.org)
                .put("id", id)
                .put("name", def.name())
                .put("status", status)
                .put("definition_id", def.id())
                .put("trigger", automatic ? "AUTOMATIC" : "MANUAL")
                .put("assigned_to", assigned)
                .time("due_date", due)
                .time("created_at", created)
                .time("last_updated_at", updated)
                .time("started_at", started)
                .time("completed_at", completed)
                .end());
    }

    private void contextRow(Sinks sinks, String executionId, EntityCatalog.Spec entity) {
        // the same entity twice would be one context (the key is the pair); the ReplacingMergeTree folds them
        sinks.get(CONTEXTS).add(row.begin()
                .put("org_id", org.org)
                .put("workflow_execution_id", executionId)
                .put("context_entity_id", entity.id())
                .put("context_entity_schema", entity.schema())
                .put("context_entity_title", entity.title())
                .end());
    }
}
