package io.lakegate.schema.liquibase;

import liquibase.Scope;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.executor.ExecutorService;
import liquibase.statement.core.RawParameterizedSqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Liquibase's history on ClickHouse. The standard service inspects its table through JDBC metadata and "repairs" column
 * types that ClickHouse spells differently; this one checks {@code system.tables} and creates the table with ClickHouse
 * DDL. Reads and writes go through the standard service and this package's generators.
 */
public class ClickHouseChangeLogHistoryService extends StandardChangeLogHistoryService {
    /** Scope keys lakegate sets for cluster mode; the plain Liquibase CLI leaves them unset. */
    public static final String ON_CLUSTER_SCOPE_KEY = "lakegate.onCluster";
    public static final String REPLICATED_SCOPE_KEY = "lakegate.replicated";

    private boolean tableExists;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof ClickHouseDatabase;
    }

    @Override
    public boolean hasDatabaseChangeLogTable() {
        if (!tableExists) {
            tableExists = tableExists(getDatabase(), getDatabase().getDatabaseChangeLogTableName());
        }
        return tableExists;
    }

    @Override
    public void init() throws DatabaseException {
        if (hasDatabaseChangeLogTable()) {
            return;
        }
        String onCluster = Scope.getCurrentScope().get(ON_CLUSTER_SCOPE_KEY, "");
        boolean replicated = Boolean.TRUE.equals(Scope.getCurrentScope().get(REPLICATED_SCOPE_KEY, Boolean.FALSE));
        Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", getDatabase())
                .execute(new RawParameterizedSqlStatement(ClickHouseChangeLogTable.createSql(getDatabase(), onCluster,
                        replicated)));
    }

    @Override
    public boolean isDatabaseChecksumsCompatible() {
        return true;
    }

    @Override
    public void reset() {
        super.reset();
        tableExists = false;
    }

    static boolean tableExists(Database database, String table) {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count() FROM system.tables WHERE database = ? AND name = ?")) {
            ps.setString(1, database.getDefaultSchemaName());
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read system.tables: " + e.getMessage(), e);
        }
    }
}
