package io.lakegate.app;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.data.Dataset;
import io.lakegate.schema.data.NdjsonLoader;
import io.lakegate.schema.data.Progress;
import io.lakegate.schema.data.TableInserter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lakegate load}: validates NDJSON records of one dataset and inserts the valid ones. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads newline-delimited JSON records (one JSON object per line, keys = the base table's "
                + "columns, see docs/data.md) into one dataset's base table. Every record is validated (required "
                + "fields, types, timestamps, org id, detail JSON); valid ones are inserted in batches, invalid ones "
                + "are written to the reject file with their line number and the reason.",
                "Safe to repeat: a record loaded twice counts once in the _final views, so after an interrupted "
                + "load just load the whole file again.",
                "Exit code: 0 all loaded, 3 finished but some records were rejected, 1 error, 2 bad usage "
                + "(an option, the file or the dataset name is not right)."})
final class LoadCommand implements Callable<Integer> {
    static final int SOME_REJECTED = 3;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "The dataset (= base table): entity_operations, workflow_executions, workflow_phases, "
                    + "workflow_tasks, workflow_cancellations, workflow_contexts, journey_sessions, journey_events, "
                    + "portal_sessions or portal_events.")
    String dataset;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The NDJSON file, or - for standard input.")
    String file;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where invalid records go, one JSON object per line with line, reason and record "
                    + "(default: <FILE>.rejects.ndjson, or stdin.rejects.ndjson for -). Replaced on every run; "
                    + "not created when nothing is rejected.")
    Path rejects;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + TableInserter.DEFAULT_MAX_ROWS,
            description = "Records per INSERT (default: ${DEFAULT-VALUE}; a batch also ends at 32 MB).")
    int batchSize;

    @Mixin
    ProgressOption progress;

    @Mixin
    ClickHouseOptions ch;

    @Override
    public Integer call() throws Exception {
        Dataset ds = Dataset.byName(dataset.trim());
        boolean stdin = file.equals("-");
        Path path = stdin ? null : Path.of(file);
        if (!stdin) {
            NdjsonLoader.checkFile(path);
        }
        Path rejectFile = rejects != null ? rejects : NdjsonLoader.defaultRejectFile(path);
        if (Files.isDirectory(rejectFile)) {
            throw new IllegalArgumentException("--rejects " + rejectFile + " is a directory");
        }
        long size = stdin ? -1 : Files.size(path);
        String source = stdin ? "standard input" : path.toString();
        try (ClickHouseTarget target = ch.open();
             InputStream in = stdin ? System.in : Files.newInputStream(path)) {
            NdjsonLoader.Result r = new NdjsonLoader(target, ch.settings(), ds, batchSize).load(in, source, rejectFile,
                    () -> progress.enabled() ? Progress.bar("load " + ds.table(), size, " MB", 1 << 20, System.err)
                            : Progress.none());
            System.out.printf("Loaded %,d record(s) into %s.%s, rejected %,d%s, in %.1f s.%n", r.loaded(),
                    ch.settings().database(), ds.table(), r.rejected(),
                    r.rejected() > 0 ? " (line numbers and reasons in " + r.rejectFile() + ")" : "",
                    r.millis() / 1000.0);
            if (!r.unprovisionedOrgs().isEmpty()) {
                System.out.println("Note: org(s) " + String.join(", ", r.unprovisionedOrgs().stream().limit(10)
                        .toList()) + (r.unprovisionedOrgs().size() > 10 ? ", ..." : "") + " are not provisioned; "
                        + "their rows are stored, and `lakegate org add ORG` gives them their views.");
            }
            return r.rejected() > 0 ? SOME_REJECTED : 0;
        }
    }
}
