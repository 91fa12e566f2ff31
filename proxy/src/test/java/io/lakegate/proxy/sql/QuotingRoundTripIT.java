package io.lakegate.proxy.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.catalog.TenantCatalogs;
import io.lakegate.proxy.policy.FunctionAllowlist;
import io.lakegate.proxy.policy.ServerFunctions;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.gateway.GatewayFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property test of the gateway's reading and printing of ClickHouse's quoted text: random string literals and quoted
 * names (backslashes, every quote ClickHouse knows, heredocs, Unicode quotes, NUL, line breaks, comment and bracket
 * characters), written in every way ClickHouse accepts, go through the gateway's rewrite and must come back from
 * ClickHouse exactly as ClickHouse reads the tenant's own text; and ClickHouse's own parser ({@code EXPLAIN AST}) must
 * find in the printed SQL no table but the one the binder bound.
 */
class QuotingRoundTripIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "aZ0 \\\\\\'\"`$$\u2018\u2019\u201C\u201D;-/*#{}()[]\n\r\t\0é中?:x.,=";
    private static final Pattern TABLE = Pattern.compile("TableIdentifier (\\S+)");

    private static TenantCatalog catalog;
    private static TenantSqlRewriter rewriter;

    @BeforeAll
    static void catalog() throws Exception {
        Connection c = FX.target.connect(FX.settings.database());
        catalog = new TenantCatalogs(FX.target.dataSource(FX.settings.database()), FX.settings, Duration.ofMinutes(5)).forOrg(GatewayFixture.ORG);
        ServerFunctions functions = ServerFunctions.load(c);
        rewriter = new TenantSqlRewriter(ClickHouseFunctions.of(functions),
                new TenantPolicy(FunctionAllowlist.review(functions)));
    }

    @Test
    void randomLiteralsAndNamesMeanTheSameAfterTheGatewayPrintsThem() throws Exception {
        Random random = new Random(20261202);
        int refused = 0;
        int cases = 400;
        for (int i = 0; i < cases; i++) {
            String value = randomText(random, 0);
            String name = randomText(random, 1);
            String literal = literal(value, random);
            String identifier = identifier(name, random);
            String tenantSql = "SELECT " + literal + " AS " + identifier + ", 'tail' AS t FROM entity_operations "
                    + "LIMIT 1";
            // the test's own spelling must be what ClickHouse reads: checked on the org's view directly
            String direct = tenantSql.replace("FROM entity_operations", "FROM `" + FX.settings.database() + "`.`"
                    + GatewayFixture.ORG + "_entity_operations`");
            assertThat(run(direct)).as("ClickHouse reads %s", direct).isEqualTo(List.of(name, value));
            String printed;
            try {
                printed = rewriter.rewrite(tenantSql, catalog).sql();
            } catch (TenantSqlException e) {
                refused++;
                assertThat(name).as(tenantSql).containsAnyOf("\n", "\r");
                assertThat(e.getMessage()).contains("line break");
                continue;
            }
            assertThat(run(printed)).as("gateway printed %s for %s", printed, tenantSql)
                    .isEqualTo(List.of(name, value));
            assertThat(tables(printed)).as(printed)
                    .containsOnly(FX.settings.database() + "." + GatewayFixture.ORG + "_entity_operations");
        }
        System.out.printf("quoting round trip: %d cases, %d refused by the gateway%n", cases, refused);
    }

    @Test
    void namesEndingInABackslashCannotSwallowTheNextQuote() throws Exception {
        String db = FX.settings.database();
        for (String sql : List.of(
                "SELECT `a\\\\` , `) FROM " + db + ".lakegate_credentials --` FROM entity_operations",
                "SELECT \"a\\\\\" , \") FROM " + db + ".lakegate_credentials --\" FROM entity_operations",
                "SELECT 1 AS `x\\\\`, 2 AS `, (SELECT max(password_hash) FROM " + db + ".lakegate_credentials) AS h "
                        + "FROM entity_operations --` FROM entity_operations")) {
            String printed;
            try {
                printed = rewriter.rewrite(sql, catalog).sql();
            } catch (TenantSqlException refusedWithReason) {
                continue; // a refusal reads nothing
            }
            assertThat(tables(printed)).as(printed).containsOnly(db + "." + GatewayFixture.ORG + "_entity_operations");
        }
    }

    @Test
    void placeholderTypesAreReadAsTypesNeverPasted() {
        String db = FX.settings.database();
        assertThat(rewriter.rewrite("SELECT count() FROM entity_operations WHERE schema = {s:String}", catalog)
                .placeholders()).containsExactly("{s:String}");
        assertThat(rewriter.rewrite("SELECT {t:DateTime64(3, 'UTC')} FROM entity_operations", catalog)
                .placeholders()).containsExactly("{t:DateTime64(3,'UTC')}");
        for (String hostile : List.of(
                "SELECT {p:String} FROM entity_operations WHERE x IN ({q:Array(String)}) UNION ALL SELECT * FROM "
                        + db + ".lakegate_credentials --})",
                "SELECT {p:String $$}$$ ) UNION ALL SELECT password_hash FROM " + db + ".lakegate_credentials --} "
                        + "FROM entity_operations",
                "SELECT {p:String \u2018}\u2019 ) UNION ALL SELECT 1 --} FROM entity_operations",
                "SELECT {p:Array(String]} FROM entity_operations",
                "SELECT {p:String) UNION ALL SELECT 1 FROM " + db + ".lakegate_credentials --} FROM entity_operations",
                "SELECT {p:Identifier} FROM entity_operations",
                "SELECT {`p`:String} FROM entity_operations",
                "SELECT {p:`Identifier`} FROM entity_operations",
                "SELECT {p:Nullable(\"Identifier\")} FROM entity_operations")) {
            try {
                TenantSqlRewriter.Rewritten r = rewriter.rewrite(hostile, catalog);
                assertThat(hostile).doesNotContainIgnoringCase("identifier");
                for (String p : r.placeholders()) {
                    assertThat(p).as(hostile).matches("\\{[A-Za-z_][A-Za-z0-9_]*:[A-Za-z0-9_(),' ]+\\}")
                            .doesNotContain("SELECT").doesNotContain("lakegate");
                }
                assertThat(r.sql()).doesNotContain("lakegate_credentials");
            } catch (TenantSqlException refused) {
                assertThat(refused.getMessage()).as(hostile).isNotBlank();
            }
        }
    }

    private static String randomText(Random random, int minLength) {
        int length = minLength + random.nextInt(10);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** One of ClickHouse's spellings of a string literal, chosen at random among those that can hold it. */
    private static String literal(String value, Random random) {
        int style = random.nextInt(3);
        if (style == 1 && !value.contains("$t$") && !value.endsWith("$t")) {
            return "$t$" + value + "$t$";
        }
        if (style == 2 && value.indexOf('\u2019') < 0) {
            return "\u2018" + value + "\u2019";
        }
        return escaped(value, '\'', random);
    }

    private static String identifier(String name, Random random) {
        int style = random.nextInt(3);
        if (style == 2 && name.indexOf('\u201D') < 0) {
            return "\u201C" + name + "\u201D";
        }
        return escaped(name, style == 1 ? '"' : '`', random);
    }

    private static String escaped(String value, char quote, Random random) {
        StringBuilder sb = new StringBuilder().append(quote);
        for (char c : value.toCharArray()) {
            if (c == quote) {
                sb.append(random.nextBoolean() ? "\\" + c : "" + c + c);
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n' && random.nextBoolean()) {
                sb.append("\\n");
            } else if (c == '\0' || c == '\r' && random.nextBoolean()) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /** The first column's name and value of the first row, as ClickHouse answers {@code sql}. */
    private static List<String> run(String sql) throws Exception {
        JsonNode answer = JSON.readTree(post(sql + "\nFORMAT JSONCompact"));
        return List.of(answer.path("meta").get(0).path("name").asText(), answer.path("data").get(0).get(0).asText());
    }

    private static List<String> tables(String sql) throws Exception {
        List<String> found = new ArrayList<>();
        Matcher m = TABLE.matcher(post("EXPLAIN AST " + sql));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String post(String sql) {
        HttpResponse<String> r = TestClickHouse.get().post(sql, "");
        if (r.statusCode() != 200) {
            fail("ClickHouse refused " + sql + ": " + r.body());
        }
        return r.body();
    }
}
