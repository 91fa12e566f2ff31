package io.lakegate.schema;

import io.lakegate.schema.entity.EntityViews;
import io.lakegate.schema.liquibase.ClickHouseChangeLogHistoryService;
import io.lakegate.schema.liquibase.ClickHouseDatabase;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSetStatus;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The DBA workflow: update, update-sql, status, rollback, tag and release-locks, over the lakegate changelogs. */
public final class SchemaManager {
    public static final String MASTER_CHANGELOG = "lakegate/changelog/db.changelog-master.yaml";

    private final ClickHouseTarget target;
    private final SchemaSettings settings;

    public SchemaManager(ClickHouseTarget target, SchemaSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /** What {@link #update} did; {@code entityViews}: what the refresh of every org's entity schema views did. */
    public record UpdateResult(int changeSetsApplied, int orgsUpgraded, List<EntityViews.Refresh> entityViews) {
    }

    /** A changeset and whether it has run. */
    public record Status(String id, String author, String file, boolean ran, String dateExecuted) {
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run(Liquibase liquibase, Connection connection) throws Exception;
    }

    /** Applies every changeset that has not run, then brings every provisioned org to the current views. */
    public UpdateResult update() {
        return withLiquibase((liquibase, connection) -> {
            // Counting under the lock: a concurrent update that holds it may be applying the same changesets.
            LockService lock = LockServiceFactory.getInstance().getLockService(liquibase.getDatabase());
            lock.waitForLock();
            try {
                int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
                liquibase.update(new Contexts(), new LabelExpression());
                int upgraded = new OrgProvisioner(connection, settings, null).upgradeAll();
                // attributes may have appeared since the last run, and upgraded orgs need their views re-checked
                List<EntityViews.Refresh> refreshed = new EntityViews(connection, settings, null).refreshAll();
                return new UpdateResult(pending, upgraded, refreshed);
            } finally {
                lock.releaseLock();
            }
        });
    }

    /** The exact SQL {@link #update} would run; changes nothing. */
    @SuppressWarnings("deprecation") // its replacement is the update-sql CommandScope step; this one is kept while it works
    public String updateSql() {
        return withLiquibase((liquibase, connection) -> {
            StringWriter out = new StringWriter();
            out.write("-- lakegate: ensure the target database exists (the changelog tables live in it)\n"
                    + createDatabaseSql() + ";\n\n");
            liquibase.update(new Contexts(), new LabelExpression(), out);
            if (ClickHouseChangeLogHistoryServiceAccess.tableExists(liquibase)) {
                List<String> orgSql = new ArrayList<>();
                try {
                    new OrgProvisioner(connection, settings, orgSql::add).upgradeAll();
                    if (entityRegistryExists(connection)) {
                        new EntityViews(connection, settings, orgSql::add).refreshAll();
                    }
                } catch (IllegalStateException noViewsYet) {
                    // nothing provisioned can be out of date before the views exist
                }
                if (!orgSql.isEmpty()) {
                    out.write("\n-- lakegate: re-create the views of orgs provisioned at an older version\n");
                    orgSql.forEach(sql -> out.write(sql + ";\n"));
                }
            }
            return out.toString();
        }, false);
    }

    public List<Status> status() {
        return withLiquibase((liquibase, connection) -> {
            List<Status> result = new ArrayList<>();
            for (ChangeSetStatus s : liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression())) {
                result.add(new Status(s.getChangeSet().getId(), s.getChangeSet().getAuthor(),
                        s.getChangeSet().getFilePath(), s.getPreviouslyRan(),
                        s.getDateLastExecuted() == null ? "" : s.getDateLastExecuted().toInstant().toString()));
            }
            return result;
        });
    }

    /** Rolls back the last {@code count} changesets, newest first. */
    public void rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        withLiquibase((liquibase, connection) -> {
            liquibase.rollback(count, (String) null);
            return null;
        });
    }

    public void tag(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the tag a name, e.g. `lakegate schema tag release-2024-08`");
        }
        withLiquibase((liquibase, connection) -> {
            liquibase.tag(name);
            return null;
        });
    }

    public void releaseLocks() {
        withLiquibase((liquibase, connection) -> {
            liquibase.forceReleaseLocks();
            return null;
        });
    }

    private boolean entityRegistryExists(Connection connection) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT count() FROM system.tables "
                + "WHERE database = ? AND name = 'lakegate_entity_views'")) {
            ps.setString(1, settings.database());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    String createDatabaseSql() {
        return "CREATE DATABASE IF NOT EXISTS `" + settings.database() + "` " + settings.onCluster();
    }

    private <T> T withLiquibase(LiquibaseWork<T> work) {
        return withLiquibase(work, true);
    }

    private <T> T withLiquibase(LiquibaseWork<T> work, boolean createDatabase) {
        try (Connection connection = target.connect("default")) {
            if (createDatabase) {
                try (Statement s = connection.createStatement()) {
                    s.execute(createDatabaseSql());
                }
            }
            ClickHouseDatabase database = new ClickHouseDatabase();
            database.setConnection(new JdbcConnection(connection));
            database.setDefaultSchemaName(settings.database());
            database.setLiquibaseSchemaName(settings.database());
            Liquibase liquibase = new Liquibase(MASTER_CHANGELOG, new ClassLoaderResourceAccessor(), database);
            settings.changelogParameters().forEach(liquibase::setChangeLogParameter);
            // Liquibase's console UI prints a line per changeset and a summary table to stdout; through its logger
            // they are INFO lines, which the commands and the tests do not show (warnings and errors they do), and
            // lakegate prints its own summary
            Map<String, Object> scope = Map.of(
                    ClickHouseChangeLogHistoryService.ON_CLUSTER_SCOPE_KEY, settings.onCluster(),
                    ClickHouseChangeLogHistoryService.REPLICATED_SCOPE_KEY, settings.clustered(),
                    Scope.Attr.ui.name(), new LoggerUIService());
            return Scope.child(scope, () -> work.run(liquibase, connection));
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new SchemaException(describe(e), e);
        }
    }

    /** The most useful message in a Liquibase exception chain: ClickHouse's own, when there is one. */
    static String describe(Throwable e) {
        Throwable deepest = e;
        String clickhouse = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            deepest = t;
            if (t instanceof SQLException && clickhouse == null) {
                clickhouse = t.getMessage();
            }
        }
        String base = e instanceof LiquibaseException ? e.getMessage() : deepest.getMessage();
        return clickhouse != null && base != null && !base.contains(clickhouse) ? base + "\n  ClickHouse: " + clickhouse
                : String.valueOf(base);
    }

    /** Reads whether Liquibase's history table exists, without creating it. */
    private static final class ClickHouseChangeLogHistoryServiceAccess {
        static boolean tableExists(Liquibase liquibase) {
            return liquibase.getDatabase() != null && liquibase.getDatabase().getConnection() != null
                    && new ClickHouseChangeLogHistoryService() {
                {
                    setDatabase(liquibase.getDatabase());
                }
            }.hasDatabaseChangeLogTable();
        }
    }
}
