package io.lakegate.engine.chdb;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Says every few seconds what the one-time fetch of the engine is doing and for how long: npm pack shows no progress
 * of its own, and checking and unpacking 540 MB takes a while on a slow disk, so without it the first run looks hung.
 */
final class FetchProgress implements AutoCloseable {
    static final long EVERY_SECONDS = 10;

    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile String stage;

    FetchProgress(String firstStage) {
        this(firstStage, System.err, EVERY_SECONDS);
    }

    FetchProgress(String firstStage, PrintStream out, long everySeconds) {
        this.out = out;
        this.stage = firstStage;
        ticker = new Thread(() -> tick(everySeconds), "lakegate-engine-fetch");
        ticker.setDaemon(true);
        ticker.start();
    }

    void stage(String now) {
        stage = now;
    }

    long seconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private void tick(long everySeconds) {
        try {
            while (true) {
                Thread.sleep(TimeUnit.SECONDS.toMillis(everySeconds));
                out.println("lakegate: still fetching the engine: " + stage + " (" + seconds() + " s so far)");
            }
        } catch (InterruptedException done) {
            // the fetch ended
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
