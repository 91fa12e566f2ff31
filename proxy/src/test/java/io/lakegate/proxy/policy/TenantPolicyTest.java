package io.lakegate.proxy.policy;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.sql.TenantSqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenant policy's decisions, one input to one decision each: allowed, or refused with what message. */
class TenantPolicyTest {
    private static final TenantCatalog CATALOG = new TenantCatalog("16581729", "datawarehouse", List.of(
            new TenantCatalog.Table("entity_operations", "16581729_entity_operations", List.of())),
            Map.of());
    private final TenantPolicy policy = RecordedServerFunctions.policy();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "entity_operations|16581729_entity_operations",
        "16581729_entity_operations|16581729_entity_operations",
        "datawarehouse.entity_operations|16581729_entity_operations",
        "datawarehouse.16581729_entity_operations|16581729_entity_operations"})
    void aTenantTableBindsToItsView(String name, String physical) {
        assertThat(TenantPolicy.bindTable(CATALOG, List.of(name.split("\\."))).physical()).isEqualTo(physical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "16581730_entity_operations|Table 16581730_entity_operations does not exist in your catalog. Your tables: "
            + "entity_operations",
        "other.entity_operations|Table other.entity_operations does not exist",
        "datawarehouse.lakegate_credentials|Table lakegate_credentials does not exist",
        "a.b.entity_operations|Table a.b.entity_operations does not exist",
        "Entity_Operations|Table Entity_Operations does not exist",
        "system.tables|System tables are not available",
        "INFORMATION_SCHEMA.tables|System tables are not available"})
    void anyOtherNameIsRefused(String name, String message) {
        assertThatThrownBy(() -> TenantPolicy.bindTable(CATALOG, List.of(name.split("\\."))))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "showCertificate|Function showCertificate() is not allowed: it describes the server",
        "revision|Function revision() is not allowed: it describes the server",
        "authUser|Function authUser() is not allowed: it tells who is connected and which queries run",
        "dictGetString|Function dictGetString() is not allowed: it reads dictionaries or other tables",
        "getSetting|Function getSetting() is not allowed: it tells the server's settings",
        "url|Function url() is not allowed: it reads the server's files or reaches the network",
        "countif|Unknown function countif(): no function of that name may be called; check its name"})
    void aFunctionOutsideTheAllowlistIsRefusedWithItsReason(String name, String message) {
        assertThatThrownBy(() -> policy.checkFunction(name)).isInstanceOf(TenantSqlException.class)
                .hasMessage(message.endsWith("name") ? message
                        + " (ClickHouse's function names are case-sensitive)" : message);
    }

    @Test
    void sqlsOwnFunctionsAreCheckedWhenClickHouseHasThem() {
        assertThatThrownBy(() -> policy.checkSqlFunction("CURRENT_USER"))
                .hasMessageContaining("it tells who is connected");
        assertThatCode(() -> policy.checkSqlFunction("TRIM")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkSqlFunction("CONVERT")).as("the validator explains it")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkFunction("CONVERT")).hasMessageStartingWith("Unknown function CONVERT()");
    }

    @Test
    void onlyReadsMayStart() {
        assertThatCode(() -> TenantPolicy.checkStatementStart("SELECT")).doesNotThrowAnyException();
        assertThatCode(() -> TenantPolicy.checkStatementStart("WITH")).doesNotThrowAnyException();
        for (String keyword : new String[] {"INSERT", "DROP", "SET", "SYSTEM", "GRANT", "KILL"}) {
            assertThatThrownBy(() -> TenantPolicy.checkStatementStart(keyword)).as(keyword)
                    .hasMessageStartingWith(keyword + " is not allowed");
        }
        assertThatThrownBy(() -> TenantPolicy.checkStatementStart("FROBNICATE")).hasMessageContaining("Syntax error");
    }

    @Test
    void onlyTheHarmlessSetIsAnswered() {
        assertThat(TenantPolicy.isHarmlessSet("SET readonly = 1")).isTrue();
        assertThat(TenantPolicy.isHarmlessSet("SET readonly = 0")).isFalse();
        assertThat(TenantPolicy.isHarmlessSet("SET max_result_rows = 0")).isFalse();
    }

    @Test
    void useNamesOnlyTheTenantsDatabase() {
        assertThatCode(() -> TenantPolicy.checkDatabase(CATALOG, "datawarehouse")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TenantPolicy.checkDatabase(CATALOG, "system"))
                .hasMessage("Database system is not yours: your database is datawarehouse");
    }

    @Test
    void aCatalogQueryReadsTheCatalogTablesWithAllowedFunctionsAndLambdas() {
        assertThatCode(() -> policy.checkCatalogQuery("""
                SelectWithUnionQuery (children 1)
                 ExpressionList (children 1)
                  SelectQuery (children 2)
                   ExpressionList (children 2)
                    Function arrayMap (alias a) (children 1)
                     ExpressionList (children 2)
                      Function lambda (children 1)
                       ExpressionList (children 2)
                        Function tuple (children 1)
                         ExpressionList (children 1)
                          Identifier x
                        Function plus (children 1)
                         ExpressionList (children 2)
                          Identifier x
                          Literal UInt64_1
                      Literal Array_[UInt64_1]
                    Function sumIf (children 1)
                     ExpressionList (children 2)
                      Literal UInt64_1
                      Literal UInt64_1
                   TablesInSelectQuery (children 1)
                    TablesInSelectQueryElement (children 1)
                     TableExpression (children 1)
                      TableIdentifier system.one
                """)).doesNotThrowAnyException();
    }

    @Test
    void aCatalogQueryMayReadConstantRowsButNoOtherTableFunction() {
        String values = """
                SelectWithUnionQuery (children 1)
                 ExpressionList (children 1)
                  SelectQuery (children 2)
                   ExpressionList (children 1)
                    Asterisk
                   TablesInSelectQuery (children 1)
                    TablesInSelectQueryElement (children 1)
                     TableExpression (children 1)
                      Function VALUES (children 1)
                       ExpressionList (children 2)
                        Literal 'a String'
                        Function %s (children 1)
                         ExpressionList
                """;
        assertThatCode(() -> policy.checkCatalogQuery(values.formatted("currentDatabase")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkCatalogQuery(values.formatted("hostName")))
                .hasMessage("Function hostName() is not allowed: it describes the server");
        assertThatThrownBy(() -> policy.checkCatalogQuery(values.replace("VALUES", "numbers").formatted("today")))
                .hasMessage("Table function numbers() is not allowed");
    }

    @Test
    void aCatalogQueryMayNotCallAServerDescribingFunction() {
        assertThatThrownBy(() -> policy.checkCatalogQuery("""
                SelectWithUnionQuery (children 1)
                 ExpressionList (children 1)
                  SelectQuery (children 2)
                   ExpressionList (children 1)
                    Function showCertificate (children 1)
                     ExpressionList
                   TablesInSelectQuery (children 1)
                    TablesInSelectQueryElement (children 1)
                     TableExpression (children 1)
                      TableIdentifier system.one
                """)).hasMessage("Function showCertificate() is not allowed: it describes the server");
    }

    @Test
    void aCatalogQueryMayNotReadOtherSystemTables() {
        assertThatThrownBy(() -> policy.checkCatalogQuery("""
                SelectWithUnionQuery (children 1)
                 ExpressionList (children 1)
                  SelectQuery (children 2)
                   ExpressionList (children 1)
                    Identifier name
                   TablesInSelectQuery (children 1)
                    TablesInSelectQueryElement (children 1)
                     TableExpression (children 1)
                      TableIdentifier system.processes
                """)).hasMessageStartingWith("System table system.processes is not available to tenants");
    }

    @Test
    void theCatalogTablesAreFilteredToTheTenantsViews() {
        assertThat(TenantPolicy.catalogRowFilters(CATALOG)).containsOnly(
                Map.entry("system.tables", "database = 'datawarehouse' AND name IN ('16581729_entity_operations')"),
                Map.entry("system.columns", "database = 'datawarehouse' AND table IN ('16581729_entity_operations')"),
                Map.entry("system.databases", "name = 'datawarehouse'"));
    }
}
