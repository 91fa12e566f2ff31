package io.lakegate.proxy.policy;

import io.lakegate.proxy.policy.FunctionAllowlist.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The reviewed function lists over ClickHouse 26.7's system.functions, as recorded. */
class FunctionAllowlistTest {
    private static final ServerFunctions SERVER = RecordedServerFunctions.get();
    private static final FunctionAllowlist ALLOWLIST = FunctionAllowlist.review(SERVER);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // describing the server, its users and queries, its settings; reading files, dictionaries, other tables
        "showCertificate, EXCLUDED", "revision, EXCLUDED", "buildId, EXCLUDED", "uptime, EXCLUDED",
        "structureToCapnProtoSchema, EXCLUDED", "structureToProtobufSchema, EXCLUDED", "hostName, EXCLUDED",
        "FQDN, EXCLUDED", "fqdn, EXCLUDED", "HOSTNAME, EXCLUDED", "serverUUID, EXCLUDED", "tcpPort, EXCLUDED",
        "getOSKernelVersion, EXCLUDED", "currentUser, EXCLUDED", "CURRENT_USER, EXCLUDED", "user, EXCLUDED",
        "authUser, EXCLUDED", "currentQueryID, EXCLUDED", "query_id, EXCLUDED", "connection_id, EXCLUDED",
        "getSetting, EXCLUDED", "getSettingOrDefault, EXCLUDED", "getMacro, EXCLUDED", "file, EXCLUDED",
        "filesystemCapacity, EXCLUDED", "dictGet, EXCLUDED", "dictGetString, EXCLUDED", "regionToName, EXCLUDED",
        "joinGet, EXCLUDED", "hasColumnInTable, EXCLUDED", "aiGenerate, EXCLUDED", "AIGenerate, EXCLUDED",
        "naiveBayesClassifier, EXCLUDED", "sleep, EXCLUDED", "generateSerialID, EXCLUDED", "__getScalar, EXCLUDED",
        "_CAST, EXCLUDED", "dictGetIf, EXCLUDED",
        // what tenants' queries use, in the case ClickHouse or SQL writes it
        "count, ALLOWED", "COUNT, ALLOWED", "countIf, ALLOWED", "JSONExtractString, ALLOWED", "toStartOfMonth, ALLOWED",
        "arrayMap, ALLOWED", "arrayFilter, ALLOWED", "ROW_NUMBER, ALLOWED", "TRIM, ALLOWED", "substring, ALLOWED",
        "CAST, ALLOWED", "median, ALLOWED", "version, ALLOWED", "timezone, ALLOWED", "currentDatabase, ALLOWED",
        // an allowed aggregate with combinators
        "sumIf, ALLOWED", "uniqExactArrayIf, ALLOWED", "argMaxState, ALLOWED", "countOrNull, ALLOWED",
        "groupArrayMerge, ALLOWED", "quantilesTDigestIfState, ALLOWED", "sumMapForEach, ALLOWED",
        "medianIf, ALLOWED", "avgOrDefaultIf, ALLOWED",
        // a scalar function takes no combinators; a name the server does not have is no function
        "hostNameIf, UNKNOWN", "lowerIf, UNKNOWN", "noSuchFunction, UNKNOWN", "Count_Star, UNKNOWN"})
    void verdict(String name, Verdict expected) {
        assertThat(ALLOWLIST.verdict(name)).isEqualTo(expected);
    }

    @Test
    void everyFunctionOfTheRecordedServerHasBeenReviewed() {
        assertThat(ALLOWLIST.unreviewed()).isEmpty();
    }

    @Test
    void noReviewedNameIsAlsoExcluded() {
        List<String> both = FunctionAllowlist.reviewedNames().stream()
                .filter(name -> FunctionAllowlist.exclusions().stream().anyMatch(e -> e.names().matcher(name).matches()))
                .toList();
        assertThat(both).isEmpty();
    }

    @Test
    void aFunctionANewClickHouseBringsIsRefusedUntilReviewed() {
        List<ServerFunctions.Function> functions = new ArrayList<>(SERVER.functions());
        functions.add(new ServerFunctions.Function("serverSecrets", false, false, ""));
        functions.add(new ServerFunctions.Function("whoAmI", false, true, "currentUser"));
        FunctionAllowlist upgraded = FunctionAllowlist.review(new ServerFunctions(functions, SERVER.combinators()));
        assertThat(upgraded.unreviewed()).containsExactly("serverSecrets");
        assertThat(upgraded.verdict("serverSecrets")).isEqualTo(Verdict.UNREVIEWED);
        assertThat(upgraded.verdict("whoAmI")).as("an alias of an excluded function").isEqualTo(Verdict.EXCLUDED);
        assertThat(upgraded.excludedByReason().get("tells who is connected and which queries run")).contains("whoAmI");
    }

    @Test
    void aReviewedNameTheServerDoesNotHaveIsNotAllowed() {
        FunctionAllowlist older = FunctionAllowlist.review(new ServerFunctions(List.of(
                new ServerFunctions.Function("lower", false, true, "")), List.of()), Set.of("lower", "upper"),
                FunctionAllowlist.exclusions());
        assertThat(older.verdict("LOWER")).isEqualTo(Verdict.ALLOWED);
        assertThat(older.verdict("upper")).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void theExclusionsAreGroupedByTheirReason() {
        assertThat(ALLOWLIST.excludedByReason()).containsKeys("describes the server",
                "reads the server's files or reaches the network", "reads dictionaries or other tables",
                "tells the server's settings", "tells who is connected and which queries run");
        assertThat(ALLOWLIST.excludedByReason().get("describes the server")).contains("showCertificate", "revision",
                "buildId", "hostname");
    }
}
