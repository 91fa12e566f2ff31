package io.lakegate.app;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.data.DataGenerator;
import io.lakegate.schema.data.GeneratorSettings;
import io.lakegate.schema.data.Progress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code lakegate generate}: realistic, seeded test data for every dataset, inserted into the base tables. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates realistic, deterministic data for every dataset (entity operations, workflow "
                + "executions with phases, tasks, cancellations and contexts, journey sessions and events, portal "
                + "sessions and events) and inserts it into the base tables. The orgs are provisioned first (as "
                + "`lakegate org add` does), so their views show the data at once; the schema must be up to date "
                + "(`lakegate schema update`).",
                "The same options always give the same rows; running again inserts the same rows, which the _final "
                + "views show once. See docs/data.md for what is generated."})
final class GenerateCommand implements Callable<Integer> {
    static final class Orgs {
        @Option(names = "--orgs", split = ",", paramLabel = "ORG",
                description = "Generate for these org ids (numbers or UUIDs), comma-separated.")
        List<String> ids;

        @Option(names = "--org-count", paramLabel = "N",
                description = "Generate for N orgs with eight-digit ids derived from --seed (default: 3 when "
                        + "--orgs is not given).")
        Integer count;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Orgs orgs;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "Data volume per org: S = 1 makes about 100,000 rows per org (4,000 entities, 1,000 "
                    + "workflow executions, 6,000 journey sessions, 3,000 portal sessions and their events); "
                    + "0.1 makes a tenth, 10 ten times as much (default: ${DEFAULT-VALUE}). Total rows are about "
                    + "orgs x S x 100,000, e.g. --org-count 10 --scale 10 for ten million.")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of all random choices: the same seed and options give the same data "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2024-01-01",
            description = "First day (UTC, yyyy-MM-dd) of the generated activity (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", defaultValue = "2025-01-01",
            description = "Day after the last day of activity (exclusive, UTC, yyyy-MM-dd) (default: "
                    + "${DEFAULT-VALUE}). Fixed defaults keep runs reproducible; pass recent dates for current data.")
    String to;

    @Option(names = "--threads", paramLabel = "N",
            description = "Generating threads (default: the number of CPU cores). Each streams its rows per table "
                    + "in large JSONEachRow inserts while it generates the next batch.")
    Integer threads;

    @Mixin
    ProgressOption progress;

    @Mixin
    ClickHouseOptions ch;

    @Override
    public Integer call() throws Exception {
        List<OrgId> orgIds;
        if (orgs != null && orgs.ids != null) {
            orgIds = orgs.ids.stream().map(String::trim).map(OrgId::new).toList();
        } else {
            orgIds = GeneratorSettings.orgIds(seed, orgs != null && orgs.count != null ? orgs.count : 3);
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        GeneratorSettings settings = new GeneratorSettings(orgIds, scale, seed, date("--from", from),
                date("--to", to), threadCount);
        try (ClickHouseTarget target = ch.open()) {
            System.out.println("Generating about " + String.format("%,d", settings.estimatedRows()) + " rows for "
                    + orgIds.size() + " org(s) into " + ch.settings().database() + " at " + target.url() + " ...");
            DataGenerator.Result r = new DataGenerator(target, ch.settings(), settings).run(() -> progress.enabled()
                    ? Progress.bar("generate", settings.estimatedRows(), " rows", 1, System.err) : Progress.none());
            for (Map.Entry<String, Long> e : r.rowsPerTable().entrySet()) {
                System.out.printf("  %-24s %,12d rows%n", e.getKey(), e.getValue());
            }
            String orgList = orgIds.size() <= 10 ? String.join(", ", orgIds.stream().map(OrgId::value).toList())
                    : orgIds.get(0) + ", ... (" + orgIds.size() + ")";
            System.out.printf("Generated %,d rows for org(s) %s in %.1f s: %,.0f rows/s (%d org(s) newly "
                            + "provisioned).%n", r.rows(), orgList, r.millis() / 1000.0, r.rowsPerSecond(),
                    r.orgsProvisioned());
            return 0;
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a date: use yyyy-MM-dd, e.g. "
                    + "2024-01-01");
        }
    }
}
