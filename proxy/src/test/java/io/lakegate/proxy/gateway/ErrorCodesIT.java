package io.lakegate.proxy.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way a query can be wrong, through both doors: the error has ClickHouse's own code for that mistake (the one
 * ClickHouse answers for the same query on its own tables), the same on both doors, and a message that says what to
 * write instead, with nothing of the gateway's insides (Calcite's wording, Java exceptions, "null").
 */
class ErrorCodesIT {
    private static final GatewayFixture FX = GatewayFixture.get();

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // syntax (62)
                Arguments.of("SELEC 1", 62, "SYNTAX_ERROR", "a query starts with SELECT or WITH"),
                Arguments.of("SELECT 1 +", 62, "SYNTAX_ERROR", "Syntax error"),
                Arguments.of("SELECT FROM FROM entity_operations", 62, "SYNTAX_ERROR", "Syntax error"),
                Arguments.of("SELECT INTERVAL 'x' DAY", 62, "SYNTAX_ERROR", "INTERVAL 3 DAY"),
                // unknown identifier (47), table (60), function (46: ClickHouse's own refusal, passed on)
                Arguments.of("SELECT nosuch FROM entity_operations", 47, "UNKNOWN_IDENTIFIER", "nosuch"),
                Arguments.of("SELECT x.entity_id FROM entity_operations", 47, "UNKNOWN_IDENTIFIER",
                        "no table or alias"),
                Arguments.of("SELECT a.* FROM entity_operations", 47, "UNKNOWN_IDENTIFIER", "no table or alias"),
                Arguments.of("SELECT count() FROM entity_operations GROUP BY nosuch", 47, "UNKNOWN_IDENTIFIER",
                        "nosuch"),
                Arguments.of("SELECT 1 FROM entity_operations a JOIN entity_operations b ON a.nosuch = b.entity_id",
                        47, "UNKNOWN_IDENTIFIER", "a has no column nosuch"),
                Arguments.of("SELECT entity_id FROM nosuch", 60, "UNKNOWN_TABLE", "Your tables: "),
                Arguments.of("SELECT nosuchfn(entity_id) FROM entity_operations", 46, "UNKNOWN_FUNCTION",
                        "nosuchfn"),
                // types and arguments (43, 42, 59, 50)
                Arguments.of("SELECT 'a' + 1", 43, "ILLEGAL_TYPE_OF_ARGUMENT", "Convert an argument"),
                Arguments.of("SELECT NULLIF(1)", 42, "NUMBER_OF_ARGUMENTS_DOESNT_MATCH", "it takes 2"),
                Arguments.of("SELECT upper(entity_id, 1) FROM entity_operations", 42,
                        "NUMBER_OF_ARGUMENTS_DOESNT_MATCH", "upper"),
                Arguments.of("SELECT entity_id FROM entity_operations WHERE 'abc'", 59,
                        "ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER", "write a condition"),
                Arguments.of("SELECT {fn CONVERT(entity_id, SQL_NOSUCH)} FROM entity_operations", 50, "UNKNOWN_TYPE",
                        "SQL_VARCHAR"),
                Arguments.of("SELECT CONVERT(entity_id, SQL_WVARCHAR) FROM entity_operations", 46, "UNKNOWN_FUNCTION",
                        "{fn CONVERT(x, SQL_VARCHAR)}"),
                // aggregation (215, 184), unions (258), positions (36), dates (38, 41), aliases (179, 207)
                Arguments.of("SELECT entity_id, count() FROM entity_operations", 215, "NOT_AN_AGGREGATE",
                        "add it to GROUP BY"),
                Arguments.of("SELECT sum(count()) FROM entity_operations", 184, "ILLEGAL_AGGREGATION", "subquery"),
                Arguments.of("SELECT entity_id FROM entity_operations WHERE count() > 1", 184, "ILLEGAL_AGGREGATION",
                        "HAVING"),
                Arguments.of("SELECT entity_id FROM entity_operations UNION ALL SELECT entity_id, org_id FROM "
                        + "entity_operations", 258, "UNION_ALL_RESULT_STRUCTURES_MISMATCH", "numbers of columns"),
                Arguments.of("SELECT entity_id FROM entity_operations ORDER BY 5", 36, "BAD_ARGUMENTS", "from 1"),
                Arguments.of("SELECT row_number() FROM entity_operations", 36, "BAD_ARGUMENTS", "OVER"),
                Arguments.of("SELECT DATE 'abc'", 38, "CANNOT_PARSE_DATE", "YYYY-MM-DD"),
                Arguments.of("SELECT TIMESTAMP '2024-13-01 00:00:00'", 41, "CANNOT_PARSE_DATETIME",
                        "YYYY-MM-DD hh:mm:ss"),
                Arguments.of("SELECT 1 FROM entity_operations a, entity_operations a", 179,
                        "MULTIPLE_EXPRESSIONS_FOR_ALIAS", "give each its own name"),
                Arguments.of("SELECT entity_id FROM entity_operations a JOIN entity_operations b "
                        + "ON a.entity_id = b.entity_id", 207, "AMBIGUOUS_COLUMN_NAME", "qualify it"),
                // what the gateway does not read yet (48), what it refuses (497)
                Arguments.of("SELECT a.entity_id, b.schema FROM entity_operations AS a PASTE JOIN "
                        + "current_entities_final AS b", 48, "NOT_IMPLEMENTED", "join on a row number"),
                Arguments.of("INSERT INTO entity_operations SELECT * FROM entity_operations", 497, "ACCESS_DENIED",
                        "only runs queries that read"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theClickHouseDoorAnswersWithClickHousesCode(String sql, int code, String name, String says)
            throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "", sql);
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).as(sql).hasValue(String.valueOf(code));
        assertThat(r.body()).as(sql).startsWith("Code: " + code + ". DB::Exception: ").contains("(" + name + ")")
                .contains(says);
        assertClean(sql, r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theJdbcDoorAnswersWithTheSameCode(String sql, int code, String name, String says) throws Exception {
        try (Connection c = FX.connect(FX.tenant); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery(sql));
            assertThat((Throwable) e).as(sql).isNotNull();
            assertThat(e.getErrorCode()).as(sql + ": " + e.getMessage()).isEqualTo(code);
            assertThat(GatewayFixture.told(e)).as(sql).contains(says);
            assertClean(sql, e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedInternals")
    void whatOnceFailedInsideTheGatewayNowRunsAsInClickHouse(String sql, String expected) throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "", sql);
        assertThat(r.statusCode()).as(sql + ": " + r.body()).isEqualTo(200);
        assertThat(r.body().strip()).as(sql).isEqualTo(expected);
        try (Connection c = FX.connect(FX.tenant); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            assertThat(String.valueOf(rs.getString(1))).as(sql).isEqualTo(expected.equals("\\N") ? "null" : expected);
        }
    }

    static Stream<Arguments> fixedInternals() {
        return Stream.of(
                // Calcite's JSON_QUERY wants the standard's five operands ("Index 2 out of bounds")
                Arguments.of("SELECT JSON_QUERY(detail, '$.payload._id') FROM entity_operations WHERE "
                        + "activity_id = 'a1'", "[\"e1\"]"),
                // Calcite's COALESCE wants one operand at least ("end index (-1) must not be negative")
                Arguments.of("SELECT COALESCE()", "\\N"),
                // the ODBC escape is a cast, as the ClickHouse ODBC driver rewrites it
                Arguments.of("SELECT {fn CONVERT(count(*), SQL_VARCHAR)} FROM entity_operations", "6"),
                Arguments.of("SELECT {fn CONVERT(max(timestamp), SQL_DATE)} FROM entity_operations", "2024-02-04"));
    }

    private static void assertClean(String sql, String message) {
        assertThat(message).as(sql).doesNotContain("null").doesNotContain("Exception:  ")
                .doesNotContain("out of bounds").doesNotContain("UnsupportedOperation").doesNotContain("\tat ")
                .doesNotContain("Calcite").doesNotContain("additional_table_filters").doesNotContain("lakegate_credentials").doesNotContain("Encountered \"<EOF>\"").doesNotContain("org.apache");
    }
}
