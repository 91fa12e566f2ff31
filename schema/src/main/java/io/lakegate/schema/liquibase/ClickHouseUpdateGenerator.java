package io.lakegate.schema.liquibase;

import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
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
    public Sql[] generateSql(UpdateStatement statement, Database database, SqlGeneratorChain sqlGeneratorChain) {
        Sql[] generated = super.generateSql(statement, database, sqlGeneratorChain);
        Sql[] result = new Sql[generated.length];
        for (int i = 0; i < generated.length; i++) {
            result[i] = new UnparsedSql(Mutations.update(generated[i].toSql()),
                    generated[i].getAffectedDatabaseObjects().toArray(new liquibase.structure.DatabaseObject[0]));
        }
        return result;
    }
}
