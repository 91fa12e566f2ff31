package io.lakegate.schema.liquibase;

import liquibase.database.Database;

/** The DDL of Liquibase's own history table on ClickHouse. */
final class ClickHouseChangeLogTable {
    private ClickHouseChangeLogTable() {
    }

    /**
     * Sorted by the changeset's identity, which Liquibase never updates (mutations cannot change sort-key columns).
     * On a cluster ({@code onCluster} set) it is replicated like every other table.
     */
    static String createSql(Database database, String onCluster, boolean replicated) {
        String table = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                database.getDatabaseChangeLogTableName());
        return "CREATE TABLE IF NOT EXISTS " + table + (onCluster.isEmpty() ? "" : " " + onCluster) + " ("
                + "ID String, AUTHOR String, FILENAME String, DATEEXECUTED DateTime64(3, 'UTC'), "
                + "ORDEREXECUTED Int32, EXECTYPE String, MD5SUM Nullable(String), DESCRIPTION Nullable(String), "
                + "COMMENTS Nullable(String), TAG Nullable(String), LIQUIBASE Nullable(String), "
                + "CONTEXTS Nullable(String), LABELS Nullable(String), DEPLOYMENT_ID Nullable(String)) "
                + "ENGINE = " + (replicated ? "Replicated" : "") + "MergeTree ORDER BY (FILENAME, AUTHOR, ID)";
    }
}
