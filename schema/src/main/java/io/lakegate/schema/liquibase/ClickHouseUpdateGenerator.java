package io.lakegate.schema.liquibase;

import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.UpdateGenerator;
import liquibase.statement.core.UpdateStatement;

/** Liquibase's UPDATE statements on ClickHouse: synchronous {@code ALTER TABLE ... UPDATE} mutations. */
public class ClickHouseUpdateGenerator extends UpdateGenerator {
    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(UpdateStatement statement, Database database) {
        return database instanceof ClickHouseDatabase;
    }

    @Override
    @SuppressWarnings("rawtypes") // Liquibase's signature
    public Sql[] generateSql(UpdateStatement statement, Database database, SqlGeneratorChain sqlGeneratorChain) {
        return Mutations.rewrite(super.generateSql(statement, database, sqlGeneratorChain), Mutations::update);
    }
}
