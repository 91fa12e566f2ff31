package io.lakegate.app;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaDrift;
import io.lakegate.schema.SchemaManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code lakegate schema ...}: the DBA workflow over the changelogs. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Applies, previews, inspects, tags and rolls back the changelogs, and checks the live "
                + "database for drift. Works on the embedded engine (--data) or a server (--clickhouse-url).",
        subcommands = picocli.CommandLine.HelpCommand.class)
final class SchemaCommand {
    /** Exit code of `schema drift` when it found differences. */
    static final int DRIFT = 3;

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Applies every changeset not yet applied, then upgrades every provisioned org's views.")
    int update(@Mixin ClickHouseOptions ch) {
        try (ClickHouseTarget target = ch.open()) {
            SchemaManager.UpdateResult r = new SchemaManager(target, ch.settings()).update();
            r.entityViews().forEach(refresh -> refresh.describe().forEach(System.out::println));
            System.out.println("Schema of " + ch.settings().database() + " is up to date: " + r.changeSetsApplied()
                    + " changeset(s) applied, " + r.orgsUpgraded() + " org(s) upgraded.");
            return 0;
        }
    }

    @Command(name = "update-sql", mixinStandardHelpOptions = true,
            description = "Prints the exact SQL `schema update` would run. Changes nothing.")
    int updateSql(@Mixin ClickHouseOptions ch) {
        try (ClickHouseTarget target = ch.open()) {
            System.out.print(new SchemaManager(target, ch.settings()).updateSql());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Lists every changeset and whether (and when) it was applied.")
    int status(@Mixin ClickHouseOptions ch) {
        try (ClickHouseTarget target = ch.open()) {
            List<SchemaManager.Status> statuses = new SchemaManager(target, ch.settings()).status();
            long pending = statuses.stream().filter(s -> !s.ran()).count();
            for (SchemaManager.Status s : statuses) {
                System.out.printf("%-8s %-45s %s%n", s.ran() ? "applied" : "PENDING", s.file() + "::" + s.id(),
                        s.dateExecuted());
            }
            System.out.println(pending + " of " + statuses.size() + " changeset(s) pending.");
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Rolls back the last N applied changesets, newest first, using their rollback SQL.")
    int rollback(@Mixin ClickHouseOptions ch,
                 @Option(names = "--count", required = true, description = "How many changesets to roll back.")
                 int count) {
        try (ClickHouseTarget target = ch.open()) {
            new SchemaManager(target, ch.settings()).rollback(count);
            System.out.println("Rolled back " + count + " changeset(s).");
            return 0;
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true,
            description = "Tags the current state (the last applied changeset) with NAME.")
    int tag(@Mixin ClickHouseOptions ch, @Parameters(paramLabel = "NAME", description = "The tag.") String name) {
        try (ClickHouseTarget target = ch.open()) {
            new SchemaManager(target, ch.settings()).tag(name);
            System.out.println("Tagged " + ch.settings().database() + " as " + name + ".");
            return 0;
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = {"Compares the live tables and views with what the changelogs define, object by object, "
                    + "and every provisioned org's views with what they should be.",
                    "Exit code 0: no drift; " + DRIFT + ": drift found (each difference is printed)."})
    int drift(@Mixin ClickHouseOptions ch) throws Exception {
        try (ClickHouseTarget target = ch.open()) {
            List<SchemaDrift.Difference> differences = new SchemaDrift(target, ch.settings()).check();
            if (differences.isEmpty()) {
                System.out.println("No drift: " + ch.settings().database() + " matches the changelogs.");
                return 0;
            }
            differences.forEach(d -> System.out.println("DRIFT " + d));
            System.out.println(differences.size() + " difference(s) between " + ch.settings().database()
                    + " and the changelogs.");
            return DRIFT;
        }
    }

    @Command(name = "release-locks", mixinStandardHelpOptions = true,
            description = "Releases the changelog lock left behind by a schema update that was killed.")
    int releaseLocks(@Mixin ClickHouseOptions ch) {
        try (ClickHouseTarget target = ch.open()) {
            new SchemaManager(target, ch.settings()).releaseLocks();
            System.out.println("Changelog lock released.");
            return 0;
        }
    }
}
