package io.lakegate.engine.server;

import io.lakegate.engine.chdb.ChdbConnection;
import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.engine.protocol.QueryRequest;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HTTP sessions ({@code session_id}): each owns a chDB connection, so {@code SET}, {@code USE} and temporary tables
 * last between its requests. A session serves one request at a time and expires after its timeout of inactivity.
 */
final class SessionRegistry implements AutoCloseable {
    private final EmbeddedClickHouse engine;
    private final int maxSessions;
    private final Map<String, Session> sessions = new HashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-sweeper");
        t.setDaemon(true);
        return t;
    });

    private static final class Session {
        final ChdbConnection connection;
        long timeoutMillis;
        long lastUsed = System.currentTimeMillis();
        boolean busy;

        Session(ChdbConnection connection, long timeoutMillis) {
            this.connection = connection;
            this.timeoutMillis = timeoutMillis;
        }
    }

    SessionRegistry(EmbeddedClickHouse engine, int maxSessions) {
        this.engine = engine;
        this.maxSessions = maxSessions;
        sweeper.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.SECONDS);
    }

    /** @param owner who may use the session: another user presenting the same id gets SESSION_NOT_FOUND */
    ConnectionLease acquire(QueryRequest.Session request, String owner) {
        String key = owner + "\u0000" + request.id();
        Session session;
        synchronized (sessions) {
            session = sessions.get(key);
            if (session == null) {
                if (request.check()) {
                    throw new ClickHouseException(ErrorCode.SESSION_NOT_FOUND, "Session " + request.id()
                            + " is not found (it expired or never existed); drop session_check=1 to start it");
                }
                if (sessions.size() >= maxSessions) {
                    throw new ClickHouseException(ErrorCode.TOO_MANY_SIMULTANEOUS_QUERIES, "Too many open sessions ("
                            + maxSessions + "); close idle ones or wait for them to time out");
                }
                session = new Session(engine.connect(Map.of()), request.timeoutSeconds() * 1000L);
                sessions.put(key, session);
            } else if (session.busy) {
                throw new ClickHouseException(ErrorCode.SESSION_IS_LOCKED, "Session " + request.id()
                        + " is locked by a concurrent client; send one request at a time per session");
            }
            session.busy = true;
            session.timeoutMillis = request.timeoutSeconds() * 1000L;
        }
        Session leased = session;
        return new ConnectionLease() {
            private boolean released;

            @Override
            public ChdbConnection connection() {
                return leased.connection;
            }

            @Override
            public boolean keepsState() {
                return true;
            }

            @Override
            public void release(boolean reusable) {
                synchronized (sessions) {
                    if (released) {
                        return;
                    }
                    released = true;
                    leased.busy = false;
                    leased.lastUsed = System.currentTimeMillis();
                }
            }
        };
    }

    private void expire() {
        long now = System.currentTimeMillis();
        synchronized (sessions) {
            for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
                Session s = it.next();
                if (!s.busy && now - s.lastUsed > s.timeoutMillis) {
                    it.remove();
                    s.connection.close();
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        synchronized (sessions) {
            sessions.values().forEach(s -> s.connection.close());
            sessions.clear();
        }
    }
}
