package io.lakegate.proxy.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lakegate.proxy.catalog.TenantCatalog;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers of tenant queries, kept for a short while (off unless {@code --cache-ttl} is given), for the dashboards that
 * send the same queries every few minutes. An answer is kept under everything it depends on: the org, its catalog's
 * {@link CatalogVersion} (a change of the org's views is another key), the SQL that ran (bound to the org's views,
 * with its settings and the org's limits), the output format and the query's parameters. So no answer is ever given
 * to another org, and none outlives a change of the org's views or limits once the gateway has read them. Queries that give another
 * answer each time they run ({@code now()}, {@code rand()}, ...) are not kept at all.
 */
public final class ResultCache {
    /**
     * @param ttl      how long an answer is kept; zero turns the cache off
     * @param maxBytes the bytes of answers held at most; an answer larger than a sixteenth of it is not kept
     */
    public record Settings(Duration ttl, long maxBytes) {
        public static final Settings OFF = new Settings(Duration.ZERO, 0);
        public static final long DEFAULT_MAX_BYTES = 256L << 20;

        public boolean enabled() {
            return !ttl.isNegative() && !ttl.isZero() && maxBytes > 0;
        }
    }

    /** A kept answer: its bytes in the query's output format and the rows ClickHouse said it had. */
    public record Answer(byte[] body, long rows) {
    }

    /** Where an answer is kept. */
    public record Key(String orgId, String catalogVersion, String sql, String format, Map<String, String> params) {
    }

    /**
     * Functions whose value is not the query's alone: time, randomness, ids, the server's state. Matched on the SQL as
     * text, quoted ({@code `now`()}, as the gateway prints it) or not, so a string that names one also keeps its
     * query out of the cache: a miss, never a wrong answer.
     */
    private static final Pattern NON_DETERMINISTIC = Pattern.compile("(?i)\\b(now\\w*|today|yesterday|utc_timestamp"
            + "|current_(date|time|timestamp)\\w*|localtimestamp|rand\\w*|random\\w*|generate\\w*|uuid\\w*|\\w*shuffle"
            + "\\w*|fuzzBits|\\w*queryID|serverUUID|uptime|hostName|fqdn|blockNumber|rowNumberIn\\w*"
            + "|runningAccumulate|runningDifference\\w*|neighbor|getSetting\\w*|currentUser|currentProfiles|"
            + "\\w*Roles|timeSlot)[`\"]?\\s*\\(");

    private final Settings settings;
    private final Cache<Key, Answer> answers;

    public ResultCache(Settings settings) {
        this.settings = settings;
        // evicted on the thread that adds: the bound holds as soon as an answer is in
        this.answers = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(Math.max(1, settings.maxBytes()))
                .weigher((Key k, Answer a) -> a.body().length + k.sql().length())
                .expireAfterWrite(settings.enabled() ? settings.ttl() : Duration.ofNanos(1)).build();
    }

    /** The key of a planned tenant query, or null when the cache is off or the query's answer may not be kept. */
    public Key key(TenantCatalog catalog, String sql, String format, Map<String, String> params) {
        if (!settings.enabled() || NON_DETERMINISTIC.matcher(sql).find()) {
            return null;
        }
        return new Key(catalog.orgId(), CatalogVersion.of(catalog), sql, format, Map.copyOf(params));
    }

    /** The kept answer, or null (also for a null key). */
    public Answer get(Key key) {
        return key == null ? null : answers.getIfPresent(key);
    }

    /** The most bytes an answer may have to be kept. */
    public long maxAnswerBytes() {
        return settings.maxBytes() / 16;
    }

    public void put(Key key, Answer answer) {
        if (answer.body().length <= maxAnswerBytes()) {
            answers.put(key, answer);
        }
    }
}
