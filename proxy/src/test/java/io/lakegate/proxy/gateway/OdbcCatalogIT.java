package io.lakegate.proxy.gateway;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.credentials.IssuedCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power BI through the official ClickHouse ODBC driver (1.5.4): the catalog statements the driver writes itself
 * (driver/api/odbc.cpp: SQLTables, SQLColumns, SQLGetTypeInfo), replayed byte for byte as it sends them, with
 * {@code default_format=ODBCDriver2} and the settings of ClickHouse's Power BI connector in the URL, and their
 * ODBCDriver2 answers decoded. Each answer has the shape direct ClickHouse gives, holds only the tenant's views, and
 * lists each by its full and its short name, so a report built on short names refreshes under any org's credential.
 */
class OdbcCatalogIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NULL_STRING = "CAST(NULL, 'Nullable(String)')";
    private static final String ORDER = " ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME";

    /** An ODBCDriver2 answer: column names and types from its header rows, then the rows (null for NULL). */
    record Answer(List<String> names, List<String> types, List<List<String>> rows) {
    }

    // ---- SQLTables

    @Test
    void sqlTablesForAllCatalogsListsOnlyTheTenantsDatabase() throws Exception {
        String sql = "SELECT CAST(name, 'Nullable(String)') AS TABLE_CAT, " + NULL_STRING + " AS TABLE_SCHEM, "
                + NULL_STRING + " AS TABLE_NAME, " + NULL_STRING + " AS TABLE_TYPE, " + NULL_STRING + " AS REMARKS"
                + " FROM system.databases" + ORDER;
        Answer gateway = viaGateway(FX.tenant, sql);
        Answer direct = direct(sql);
        assertThat(gateway.names()).isEqualTo(direct.names());
        assertThat(gateway.types()).isEqualTo(direct.types());
        assertThat(gateway.rows()).containsExactly(Arrays.asList(FX.settings.database(), null, null, null, null));
    }

    @Test
    void sqlTablesForAllSchemasAndTableTypesAnswerAsClickHouseDoes() throws Exception {
        String schemas = "SELECT " + NULL_STRING + " AS TABLE_CAT, " + NULL_STRING + " AS TABLE_SCHEM, " + NULL_STRING
                + " AS TABLE_NAME, " + NULL_STRING + " AS TABLE_TYPE, " + NULL_STRING + " AS REMARKS WHERE (1 == 0)"
                + ORDER;
        String types = "SELECT " + NULL_STRING + " AS TABLE_CAT, " + NULL_STRING + " AS TABLE_SCHEM, " + NULL_STRING
                + " AS TABLE_NAME, CAST('TABLE', 'Nullable(String)') AS TABLE_TYPE, " + NULL_STRING + " AS REMARKS"
                + ORDER;
        for (String sql : List.of(schemas, types)) {
            assertThat(viaGateway(FX.tenant, sql)).as(sql).isEqualTo(direct(sql));
        }
    }

    @Test
    void sqlTablesByPatternListsEveryViewByFullAndShortName() throws Exception {
        String db = FX.settings.database();
        Answer gateway = viaGateway(FX.tenant, tablesByPattern(db, "%", "TABLE,VIEW"));
        Answer direct = direct(tablesByPattern(db, GatewayFixture.ORG + "\\_%", "TABLE,VIEW"));
        assertThat(gateway.names()).isEqualTo(direct.names());
        assertThat(gateway.types()).isEqualTo(direct.types());
        assertThat(direct.rows()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(gateway.rows()).isEqualTo(withShortNames(direct.rows(), 2, Comparator.comparing(
                (List<String> r) -> r.get(2))));
        assertThat(gateway.rows()).extracting(r -> r.get(2)).contains("entity_operations",
                "current_entities_final", GatewayFixture.ORG + "_entity_operations");
    }

    @Test
    void sqlColumnsOfAShortNameAreTheColumnsOfTheView() throws Exception {
        Answer gateway = viaGateway(FX.tenant, columns(FX.settings.database(), "entity\\_operations"));
        Answer direct = direct(columns(FX.settings.database(), GatewayFixture.ORG + "\\_entity\\_operations"));
        assertThat(gateway.names()).isEqualTo(direct.names());
        assertThat(gateway.types()).isEqualTo(direct.types());
        assertThat(direct.rows()).isNotEmpty();
        List<List<String>> expected = direct.rows().stream().map(r -> with(r, 2, "entity_operations")).toList();
        assertThat(gateway.rows()).isEqualTo(expected);
    }

    // ---- SQLGetTypeInfo

    @Test
    void sqlGetTypeInfoForAllTypesAnswersAsClickHouseDoes() throws Exception {
        String sql = OdbcTypeInfo.statement(null);
        Answer gateway = viaGateway(FX.tenant, sql);
        assertSameTypeInfo(gateway, direct(sql));
        assertThat(gateway.rows()).hasSize(23);
    }

    @Test
    void sqlGetTypeInfoForOneTypeAndForATypeWithoutRows() throws Exception {
        String bigint = OdbcTypeInfo.statement(-5);
        assertSameTypeInfo(viaGateway(FX.tenant, bigint), direct(bigint));
        assertThat(viaGateway(FX.tenant, bigint).rows()).extracting(r -> r.get(0))
                .containsExactlyInAnyOrder("UInt32", "Int64", "UInt64");
        String none = OdbcTypeInfo.statement(-10); // SQL_WLONGVARCHAR: the driver declares no such type
        assertThat(none).isEqualTo("SELECT 1 WHERE 0");
        assertThat(viaGateway(FX.tenant, none)).isEqualTo(direct(none));
    }

    /** The same header and rows, ordered by DATA_TYPE; rows of equal DATA_TYPE come in no defined order. */
    private static void assertSameTypeInfo(Answer gateway, Answer direct) {
        assertThat(gateway.names()).isEqualTo(direct.names());
        assertThat(gateway.types()).isEqualTo(direct.types());
        assertThat(gateway.rows()).containsExactlyInAnyOrderElementsOf(direct.rows());
        assertThat(gateway.rows()).extracting(r -> Integer.parseInt(r.get(1))).isSorted();
    }

    // ---- a report, and another org's names

    @Test
    void theSameDirectQueryOnShortNamesGivesEachOrgItsOwnNumbers() throws Exception {
        String db = FX.settings.database();
        // as Power BI's DirectQuery folds a bar chart of operations per schema through the ODBC driver
        String report = "select top 1000001 \"schema\", \"C1\" from (select \"schema\", count(1) as \"C1\" from \""
                + db + "\".\"entity_operations\" group by \"schema\") \"ITBL\" order by \"C1\" desc, \"schema\"";
        for (Map.Entry<IssuedCredential, String> org : Map.of(FX.tenant, GatewayFixture.ORG, FX.neighbour,
                GatewayFixture.NEIGHBOUR).entrySet()) {
            Answer own = direct("SELECT schema, count(1) AS C1 FROM `" + db + "`.`" + org.getValue()
                    + "_entity_operations` GROUP BY schema ORDER BY C1 DESC, schema");
            Answer viaShortName = viaGateway(org.getKey(), report);
            assertThat(own.rows()).isNotEmpty();
            assertThat(viaShortName.rows()).as(org.getValue()).isEqualTo(own.rows());
        }
        assertThat(viaGateway(FX.tenant, report).rows()).isNotEqualTo(viaGateway(FX.neighbour, report).rows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "1501%", "%1501%", "%\\_%", "", "_%", "%entity%", "1501\\_entity\\_operations",
            "%' OR 1 = 1 OR name LIKE '%"})
    void anotherOrgsNamesNeverAppearWhateverThePattern(String pattern) throws Exception {
        String db = FX.settings.database();
        String escaped = pattern.replace("\\", "\\\\").replace("'", "\\'");
        for (String sql : List.of(tablesByPattern(db, escaped, "TABLE,VIEW"), tablesByPattern("%", escaped, ""),
                columns(db, escaped), columns("%", escaped))) {
            byte[] body = post(FX.tenant, sql).body();
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR).doesNotContain("lakegate_")
                    .doesNotContain("databasechangelog");
            decode(body); // a well-formed answer, not an error
        }
    }

    @Test
    void systemTablesShowNothingOfHowAViewIsMade() throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "default_format=TSV", "SELECT name, as_select, "
                + "create_table_query, engine_full, dependencies_table, loading_dependencies_table, definer FROM "
                + "system.tables ORDER BY name");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body().lines()).hasSizeGreaterThanOrEqualTo(24)
                .allSatisfy(line -> assertThat(line).matches("[^\t]+\t\t\t\t\\[]\t\\[]\t"));
        assertThat(r.body()).contains("entity_operations\t").contains(GatewayFixture.ORG + "_entity_operations\t");
    }

    // ---- the driver's statements (driver/api/odbc.cpp, v1.5.4.20260708)

    /** SQLTables(catalog, "%" schema, "%" table pattern, types) with patterns (SQL_ATTR_METADATA_ID off). */
    private static String tablesByPattern(String catalog, String table, String types) {
        StringBuilder q = new StringBuilder("SELECT CAST(database, 'Nullable(String)') AS TABLE_CAT, " + NULL_STRING
                + " AS TABLE_SCHEM, CAST(name, 'Nullable(String)') AS TABLE_NAME, CAST('TABLE', 'Nullable(String)') "
                + "AS TABLE_TYPE, " + NULL_STRING + " AS REMARKS FROM system.tables WHERE (1 == 1)");
        if (!catalog.equals("%")) {
            q.append(" AND isNotNull(TABLE_CAT) AND coalesce(TABLE_CAT, '') LIKE '").append(catalog).append("'");
        }
        if (!table.equals("%")) {
            q.append(" AND isNotNull(TABLE_NAME) AND coalesce(TABLE_NAME, '') LIKE '").append(table).append("'");
        }
        if (!types.isEmpty()) {
            q.append(" AND isNotNull(TABLE_TYPE) AND (1 == 0");
            for (String type : types.split(",")) {
                q.append(" OR coalesce(TABLE_TYPE, '') LIKE '").append(type).append("'");
            }
            q.append(")");
        }
        return q.append(ORDER).toString();
    }

    /** SQLColumns(NULL catalog: the connection's database, NULL schema, table pattern, NULL column). */
    private static String columns(String catalog, String table) {
        StringBuilder q = new StringBuilder("SELECT cast(database, 'Nullable(String)') AS TABLE_CAT, "
                + "cast('', 'Nullable(String)') AS TABLE_SCHEM, cast(table, 'String') AS TABLE_NAME, "
                + "cast(name, 'String') AS COLUMN_NAME, cast(0, 'Int16') AS DATA_TYPE, cast(type, 'String') AS "
                + "TYPE_NAME, cast(NULL, 'Nullable(Int32)') AS COLUMN_SIZE, cast(0, 'Nullable(Int32)') AS "
                + "BUFFER_LENGTH, cast(NULL, 'Nullable(Int16)') AS DECIMAL_DIGITS, cast(NULL, 'Nullable(Int16)') AS "
                + "NUM_PREC_RADIX, cast(0, 'Int16') AS NULLABLE, cast(NULL, 'Nullable(String)') AS REMARKS, "
                + "cast(NULL, 'Nullable(String)') AS COLUMN_DEF, cast(0, 'Int16') AS SQL_DATA_TYPE, "
                + "cast(NULL, 'Nullable(Int16)') AS SQL_DATETIME_SUB, cast(0, 'Nullable(Int32)') AS "
                + "CHAR_OCTET_LENGTH, cast(position, 'Int32') AS ORDINAL_POSITION, cast(NULL, 'Nullable(String)') AS "
                + "IS_NULLABLE FROM system.columns WHERE (1 == 1)");
        if (!catalog.equals("%")) {
            q.append(" AND isNotNull(TABLE_CAT) AND coalesce(TABLE_CAT, '') LIKE '").append(catalog).append("'");
        }
        if (!table.equals("%")) {
            q.append(" AND TABLE_NAME LIKE '").append(table).append("'");
        }
        return q.append(" ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION").toString();
    }

    // ---- talking ODBCDriver2 as the driver does

    /** The driver's request: POST /query, Basic, the Power BI connector's settings (SQLCompatibilitySettings=1). */
    private static HttpResponse<byte[]> post(IssuedCredential credential, String sql) throws Exception {
        String url = "http://127.0.0.1:" + FX.gateway.httpPort() + "/query?" + odbcParameters();
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", DoorRequests.basic(credential.username(), credential.password()))
                .header("User-Agent", "PowerBi/1.5.0 clickhouse-odbc/1.5.4.20260708 (Linux)")
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String odbcParameters() {
        return "default_format=ODBCDriver2&database=" + URLEncoder.encode(FX.settings.database(),
                StandardCharsets.UTF_8) + "&cast_keep_nullable=1&prefer_column_name_to_alias=1";
    }

    private static Answer viaGateway(IssuedCredential credential, String sql) throws Exception {
        HttpResponse<byte[]> r = post(credential, sql);
        assertThat(r.statusCode()).as(sql + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("X-ClickHouse-Format")).hasValue("ODBCDriver2");
        return decode(r.body());
    }

    private static Answer direct(String sql) throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(ch.url() + "/?" + odbcParameters()))
                .header("Authorization", ch.basicAuth())
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(sql + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return decode(r.body());
    }

    /** ODBCDriver2, as the driver reads it: the "name" and "type" header rows, then the rows. */
    static Answer decode(byte[] body) throws IOException {
        List<List<String>> rows = ClickHouseDoorIT.odbcDriver2(body);
        assertThat(rows.get(0).get(0)).isEqualTo("name");
        assertThat(rows.get(1).get(0)).isEqualTo("type");
        return new Answer(rows.get(0).subList(1, rows.get(0).size()), rows.get(1).subList(1, rows.get(1).size()),
                rows.subList(2, rows.size()));
    }

    /** The rows for the tenant's full names plus the same rows by short name, sorted by {@code order}. */
    private static List<List<String>> withShortNames(List<List<String>> fullNameRows, int column,
                                                     Comparator<List<String>> order) {
        String prefix = GatewayFixture.ORG + "_";
        return Stream.concat(fullNameRows.stream(), fullNameRows.stream()
                        .map(r -> with(r, column, r.get(column).substring(prefix.length()))))
                .sorted(order).collect(Collectors.toList());
    }

    private static List<String> with(List<String> row, int column, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(column, value);
        return copy;
    }
}
