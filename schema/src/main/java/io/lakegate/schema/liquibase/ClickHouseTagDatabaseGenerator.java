package io.lakegate.schema.liquibase;

import io.lakegate.engine.protocol.ClickHouseQuoting;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.core.TagDatabaseStatement;

/** Tags the most recently executed changeset, as a synchronous mutation. */
public class ClickHouseTagDatabaseGenerator extends AbstractSqlGenerator<TagDatabaseStatement> {
    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(TagDatabaseStatement statement, Database database) {
        return database instanceof ClickHouseDatabase;
    }

    @Override
    public ValidationErrors validate(TagDatabaseStatement statement, Database database,
                                     SqlGeneratorChain<TagDatabaseStatement> chain) {
        ValidationErrors errors = new ValidationErrors();
        errors.checkRequiredField("tag", statement.getTag());
        return errors;
    }

    @Override
    public Sql[] generateSql(TagDatabaseStatement statement, Database database,
                             SqlGeneratorChain<TagDatabaseStatement> chain) {
        String table = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                database.getDatabaseChangeLogTableName());
        String tag = ClickHouseQuoting.string(statement.getTag());
        return new Sql[] {new UnparsedSql("ALTER TABLE " + table + " UPDATE TAG = " + tag
                + " WHERE (ID, AUTHOR, FILENAME) IN (SELECT ID, AUTHOR, FILENAME FROM " + table
                + " ORDER BY DATEEXECUTED DESC, ORDEREXECUTED DESC LIMIT 1)"
                + Mutations.SYNC + ", allow_nondeterministic_mutations = 1")};
    }
}
