package io.lakegate.proxy.gateway;

import io.lakegate.proxy.catalog.TenantCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The result cache's keys and bounds, on catalogs made here. */
class ResultCacheTest {
    private static final String SQL = "SELECT count() FROM `db`.`7_entity_operations`\nSETTINGS readonly = 1";
    private final ResultCache cache = new ResultCache(new ResultCache.Settings(Duration.ofMinutes(1), 16 * 1024));

    private static TenantCatalog catalog(String org, String... columns) {
        List<TenantCatalog.Column> cols = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(new TenantCatalog.Column(columns[i], "String", i + 1, ""));
        }
        return new TenantCatalog(org, "db", List.of(new TenantCatalog.Table("entity_operations",
                org + "_entity_operations", cols)), Map.of("db.entity_operations",
                "org_id = '" + org + "'"));
    }

    private static ResultCache.Answer answer(int bytes) {
        return new ResultCache.Answer(new byte[bytes], 1);
    }

    @Test
    void anAnswerIsKeptForItsOrgAndCatalogOnly() {
        TenantCatalog mine = catalog("7", "activity_id", "entity_id");
        cache.put(cache.key(mine, SQL, "TSV", Map.of()), answer(10));
        assertThat(cache.get(cache.key(mine, SQL, "TSV", Map.of()))).isNotNull();
        // the same catalog read again unchanged: the same version
        assertThat(cache.get(cache.key(catalog("7", "activity_id", "entity_id"), SQL, "TSV", Map.of()))).isNotNull();
        // another org with the very same SQL text (which a forged query could make), another view, another format,
        // other parameters
        assertThat(cache.get(cache.key(catalog("8", "activity_id", "entity_id"), SQL, "TSV", Map.of()))).isNull();
        assertThat(cache.get(cache.key(catalog("7", "activity_id"), SQL, "TSV", Map.of()))).isNull();
        assertThat(cache.get(cache.key(mine, SQL, "JSON", Map.of()))).isNull();
        assertThat(cache.get(cache.key(mine, SQL, "TSV", Map.of("x", "1")))).isNull();
    }

    @Test
    void nonDeterministicQueriesHaveNoKey() {
        TenantCatalog mine = catalog("7", "activity_id");
        for (String f : List.of("now()", "NOW ()", "now64(3)", "today()", "rand()", "rand64()", "randomString(3)",
                "generateUUIDv4()", "yesterday()", "arrayShuffle([1, 2])", "queryID()", "hostName()", "`rand`()",
                "`now` ()", "\"today\"()")) {
            assertThat(cache.key(mine, "SELECT " + f + " FROM t", "TSV", Map.of())).as(f).isNull();
        }
        assertThat(cache.key(mine, "SELECT known FROM t", "TSV", Map.of())).isNotNull();
    }

    @Test
    void offUnlessATtlIsGiven() {
        ResultCache off = new ResultCache(ResultCache.Settings.OFF);
        assertThat(off.key(catalog("7", "a"), SQL, "TSV", Map.of())).isNull();
    }

    @Test
    void largeAnswersAreNotKeptAndTheTotalIsBounded() {
        TenantCatalog mine = catalog("7", "activity_id");
        ResultCache.Key large = cache.key(mine, SQL + " -- large", "TSV", Map.of());
        cache.put(large, answer((int) cache.maxAnswerBytes() + 1));
        assertThat(cache.get(large)).isNull();
        for (int i = 0; i < 200; i++) {
            cache.put(cache.key(mine, SQL + " -- " + i, "TSV", Map.of()), answer((int) cache.maxAnswerBytes()));
        }
        long kept = 0;
        for (int i = 0; i < 200; i++) {
            kept += cache.get(cache.key(mine, SQL + " -- " + i, "TSV", Map.of())) == null ? 0 : 1;
        }
        assertThat(kept * cache.maxAnswerBytes()).isLessThanOrEqualTo(16 * 1024);
    }
}
