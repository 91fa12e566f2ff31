package io.lakegate.schema.liquibase;

import liquibase.database.AbstractJdbcDatabase;
import liquibase.database.DatabaseConnection;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's view of ClickHouse: databases are schemas, there are no transactions (every statement commits on its
 * own), names are quoted with back-ticks, and the current time is {@code now64(3)}, evaluated per statement so each
 * changeset records its own execution time.
 */
public class ClickHouseDatabase extends AbstractJdbcDatabase {
    public static final String PRODUCT_NAME = "ClickHouse";

    public ClickHouseDatabase() {
        super.setCurrentDateTimeFunction("now64(3)");
        // ClickHouse names are case-sensitive: never upper-case what the changelog wrote
        super.unquotedObjectsAreUppercased = false;
    }

    @Override
    protected String getDefaultDatabaseProductName() {
        return PRODUCT_NAME;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) throws DatabaseException {
        return PRODUCT_NAME.equalsIgnoreCase(conn.getDatabaseProductName());
    }

    @Override
    public String getDefaultDriver(String url) {
        return url != null && url.startsWith("jdbc:clickhouse:") ? "com.clickhouse.jdbc.Driver" : null;
    }

    @Override
    protected String getQuotingStartCharacter() {
        return "`";
    }

    @Override
    protected String getQuotingEndCharacter() {
        return "`";
    }

    @Override
    protected String getQuotingEndReplacement() {
        return "\\`";
    }

    @Override
    public String getShortName() {
        return "clickhouse";
    }

    @Override
    public Integer getDefaultPort() {
        return 8123;
    }

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supportsInitiallyDeferrableColumns() {
        return false;
    }

    @Override
    public boolean supportsTablespaces() {
        return false;
    }

    @Override
    public boolean supportsSequences() {
        return false;
    }

    @Override
    public boolean supportsDDLInTransaction() {
        return false;
    }

    @Override
    public boolean getAutoCommitMode() {
        return true;
    }

    @Override
    public boolean supportsCatalogs() {
        return false;
    }

    @Override
    public boolean supportsSchemas() {
        return true;
    }

    @Override
    public boolean supportsAutoIncrement() {
        return false;
    }

    @Override
    @SuppressWarnings("rawtypes") // Liquibase's signature
    public boolean supportsCreateIfNotExists(Class type) {
        return true;
    }

    @Override
    public boolean requiresPassword() {
        return false;
    }

    @Override
    public boolean requiresUsername() {
        return false;
    }
}
