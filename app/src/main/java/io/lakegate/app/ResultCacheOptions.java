package io.lakegate.app;

import io.lakegate.proxy.gateway.ResultCache;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The result cache's options ({@code serve}, {@code demo}): off unless {@code --cache-ttl} is given. */
final class ResultCacheOptions {
    @Option(names = "--cache-ttl", paramLabel = "SECONDS", defaultValue = "0",
            description = "Keep the answers of the ClickHouse door's queries this many seconds and answer the same "
                    + "query of the same org from them (default: ${DEFAULT-VALUE}, off). Never shared between orgs; "
                    + "queries with now(), rand() and the like are not kept.")
    long ttlSeconds;

    @Option(names = "--cache-size", paramLabel = "MB", defaultValue = "256",
            description = "Megabytes of answers the cache holds at most (default: ${DEFAULT-VALUE}); an answer larger "
                    + "than a sixteenth of it is not kept.")
    long sizeMb;

    ResultCache.Settings resolve() {
        if (ttlSeconds < 0 || sizeMb <= 0) {
            throw new IllegalArgumentException("--cache-ttl must be 0 (off) or more seconds and --cache-size at least "
                    + "1 MB; got --cache-ttl " + ttlSeconds + " --cache-size " + sizeMb);
        }
        return new ResultCache.Settings(Duration.ofSeconds(ttlSeconds), sizeMb << 20);
    }
}
