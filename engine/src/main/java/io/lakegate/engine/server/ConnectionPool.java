package io.lakegate.engine.server;

import io.lakegate.engine.chdb.ChdbConnection;
import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sessionless requests borrow a connection from here. A chDB connection runs one statement at a time, so the pool
 * size is the number of queries the engine runs at once; further requests wait for a free connection.
 */
final class ConnectionPool implements AutoCloseable {
    private final EmbeddedClickHouse engine;
    private final Map<String, String> connectionSettings;
    private final Semaphore permits;
    private final int size;
    private final long waitMillis;
    private final Deque<ChdbConnection> idle = new ArrayDeque<>();

    ConnectionPool(EmbeddedClickHouse engine, Map<String, String> connectionSettings, int size, long waitMillis) {
        this.engine = engine;
        this.connectionSettings = connectionSettings;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.waitMillis = waitMillis;
    }

    ConnectionLease acquire() {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new ClickHouseException(ErrorCode.TOO_MANY_SIMULTANEOUS_QUERIES, "Too many simultaneous queries: "
                        + "all " + size + " engine connections stayed busy for " + waitMillis / 1000 + " s. Try again "
                        + "later or raise --max-concurrent-queries");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException(ErrorCode.QUERY_WAS_CANCELLED, "Interrupted while waiting for a connection");
        }
        ChdbConnection connection;
        try {
            synchronized (idle) {
                connection = idle.pollFirst();
            }
            if (connection == null) {
                connection = engine.connect(connectionSettings);
            }
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        ChdbConnection leased = connection;
        return new ConnectionLease() {
            private boolean released;

            @Override
            public ChdbConnection connection() {
                return leased;
            }

            @Override
            public boolean keepsState() {
                return false;
            }

            @Override
            public void release(boolean reusable) {
                if (released) {
                    return;
                }
                released = true;
                if (reusable) {
                    synchronized (idle) {
                        idle.addFirst(leased);
                    }
                } else {
                    leased.close();
                }
                permits.release();
            }
        };
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.forEach(ChdbConnection::close);
            idle.clear();
        }
    }
}
