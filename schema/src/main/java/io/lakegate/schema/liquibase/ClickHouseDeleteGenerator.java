package io.lakegate.schema.liquibase;

import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.DeleteGenerator;
import liquibase.statement.core.DeleteStatement;

/** Liquibase's DELETE statements on ClickHouse: synchronous {@code ALTER TABLE ... DELETE} mutations. */
public class ClickHouseDeleteGenerator extends DeleteGenerator {
    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(DeleteStatement statement, Database database) {
        return database instanceof ClickHouseDatabase;
    }

    @Override
    @SuppressWarnings("rawtypes") // Liquibase's signature
    public Sql[] generateSql(DeleteStatement statement, Database database, SqlGeneratorChain sqlGeneratorChain) {
        return Mutations.rewrite(super.generateSql(statement, database, sqlGeneratorChain), Mutations::delete);
    }
}
