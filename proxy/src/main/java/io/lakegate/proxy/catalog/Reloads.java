package io.lakegate.proxy.catalog;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the gateway's caches read their entries again ahead of time (catalogs, limits). Not the common fork-join pool
 * Caffeine uses by default: that has one thread on a two-core machine, and these reads wait on ClickHouse.
 */
public final class Reloads {
    /** As many as the gateway's own connections to ClickHouse: more would wait for one. */
    public static final int THREADS = 4;

    public static final Executor EXECUTOR = executor();

    private Reloads() {
    }

    private static Executor executor() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "lakegate-reload-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
