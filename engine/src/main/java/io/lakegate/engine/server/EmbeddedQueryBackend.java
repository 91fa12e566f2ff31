package io.lakegate.engine.server;

import io.lakegate.engine.chdb.ChdbConnection;
import io.lakegate.engine.chdb.ChdbResult;
import io.lakegate.engine.chdb.ChdbStream;
import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.engine.protocol.QueryBackend;
import io.lakegate.engine.protocol.QueryRequest;
import io.lakegate.engine.protocol.QueryResult;
import io.lakegate.engine.protocol.SqlScanner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Runs requests on the embedded engine. Sessionless requests borrow a pooled connection (GET ones from a pool whose
 * connections are read-only) and leave it as they found it: URL settings are reset and the database switched back.
 */
public final class EmbeddedQueryBackend implements QueryBackend<String>, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Statements whose effect outlives a sessionless request's connection; that connection is discarded after. */
    private static final Set<String> SESSION_STATEMENTS = Set.of("SET", "USE", "SET_ROLE");

    private final EmbeddedClickHouse engine;
    private final ConnectionPool readWrite;
    private final ConnectionPool readOnly;
    private final SessionRegistry sessions;
    /** Connections for prioritized queries, besides the {@code maxConcurrentQueries} of the others. */
    static final int PRIORITIZED_CONNECTIONS = 2;
    private final ConnectionPool prioritized;

    /**
     * A query with ClickHouse's {@code priority} setting (1 is the highest; 0, the default, is none) goes before the
     * others on a server. Here such queries get connections of their own, so they never queue behind the others:
     * the gateway's revocation poll, which must answer within a second while tenants' scans fill every connection.
     */
    static boolean isPrioritized(QueryRequest request) {
        String priority = request.settings().get("priority");
        return priority != null && priority.matches("[1-9][0-9]*");
    }

    public EmbeddedQueryBackend(EmbeddedClickHouse engine, int maxConcurrentQueries, int maxSessions) {
        this.engine = engine;
        this.readWrite = new ConnectionPool(engine, Map.of(), maxConcurrentQueries, 30_000);
        // ClickHouse runs GET requests with readonly=2: reads and SET only. readonly cannot be reset on a
        // connection, so read-only requests get connections made read-only from the start.
        this.readOnly = new ConnectionPool(engine, Map.of("readonly", "2"), maxConcurrentQueries, 30_000);
        this.prioritized = new ConnectionPool(engine, Map.of(), PRIORITIZED_CONNECTIONS, 30_000);
        this.sessions = new SessionRegistry(engine, maxSessions);
    }

    @Override
    public String serverVersion() {
        return engine.version();
    }

    @Override
    public String serverTimezone() {
        return engine.timezone();
    }

    @Override
    public QueryResult execute(QueryRequest request, String user) {
        long started = System.nanoTime();
        ConnectionLease lease = request.session() != null ? sessions.acquire(request.session(), user)
                : (request.readOnly() ? readOnly : isPrioritized(request) ? prioritized : readWrite).acquire();
        RequestState state = new RequestState(lease, request);
        try {
            state.enter();
            ChdbConnection connection = lease.connection();
            if (request.insertFormat() != null) {
                ChdbResult result;
                try {
                    result = connection.insert(request.sql(), request.insertFormat(), request.insertData());
                } catch (IOException e) {
                    throw new ClickHouseException(ErrorCode.NETWORK_ERROR, "Reading the inserted data failed: "
                            + e.getMessage(), e);
                }
                return new Materialized(state, result, started);
            }
            ChdbStream stream = connection.stream(request.sql(), request.defaultFormat(), request.outputFormat(),
                    request.params());
            if (stream == null) {
                return new Materialized(state, connection.query(request.sql(), request.defaultFormat(),
                        request.params()), started);
            }
            try {
                // The first chunk comes before the headers, so most errors still get their proper HTTP status.
                byte[] first = stream.next();
                return new Streamed(state, stream, first, started);
            } catch (RuntimeException e) {
                stream.close();
                throw e;
            }
        } catch (RuntimeException e) {
            state.exit();
            throw e;
        }
    }

    /** What one request changed on its connection, and how to undo it. */
    private static final class RequestState {
        private final ConnectionLease lease;
        private final QueryRequest request;
        private String previousDatabase;
        private List<String> previousValues;
        private boolean exited;

        RequestState(ConnectionLease lease, QueryRequest request) {
            this.lease = lease;
            this.request = request;
        }

        void enter() {
            ChdbConnection c = lease.connection();
            Map<String, String> settings = request.settings();
            if (!settings.isEmpty()) {
                StringJoiner names = new StringJoiner(", ", "SELECT ", "");
                StringJoiner assignments = new StringJoiner(", ", "SET ", "");
                settings.forEach((name, value) -> {
                    if (!NAME.matcher(name).matches()) {
                        throw new ClickHouseException(ErrorCode.UNKNOWN_SETTING, "Unknown setting '" + name + "'");
                    }
                    names.add("toString(getSetting(" + ClickHouseQuoting.string(name) + "))");
                    assignments.add(name + " = " + ClickHouseQuoting.string(value));
                });
                if (lease.keepsState()) {
                    previousValues = List.of(c.query(names.toString(), "TSVRaw", Map.of()).text()
                            .stripTrailing().split("\t", -1));
                }
                c.query(assignments.toString(), "TabSeparated", Map.of());
            }
            if (request.database() != null && !request.database().isEmpty()) {
                previousDatabase = c.query("SELECT currentDatabase()", "TSVRaw", Map.of()).text().strip();
                c.query("USE " + ClickHouseQuoting.identifier(request.database()), "TabSeparated", Map.of());
            }
        }

        void exit() {
            if (exited) {
                return;
            }
            exited = true;
            boolean reusable = lease.keepsState()
                    || !SESSION_STATEMENTS.contains(SqlScanner.scan(request.sql()).firstKeyword())
                    && SqlScanner.scan(request.sql()).tokens().stream().noneMatch(t -> t.isWord("TEMPORARY"));
            try {
                ChdbConnection c = lease.connection();
                if (previousDatabase != null && reusable) {
                    c.query("USE " + ClickHouseQuoting.identifier(previousDatabase), "TabSeparated", Map.of());
                }
                if (!request.settings().isEmpty() && reusable) {
                    StringJoiner restore = new StringJoiner(", ", "SET ", "");
                    int i = 0;
                    for (String name : request.settings().keySet()) {
                        restore.add(name + " = " + (previousValues != null
                                ? ClickHouseQuoting.string(previousValues.get(i)) : "DEFAULT"));
                        i++;
                    }
                    c.query(restore.toString(), "TabSeparated", Map.of());
                }
            } catch (RuntimeException e) {
                reusable = false;
            } finally {
                lease.release(reusable);
            }
        }
    }

    private static final class Materialized implements QueryResult {
        private final RequestState state;
        private final ChdbResult result;
        private final Summary summary;

        Materialized(RequestState state, ChdbResult result, long started) {
            this.state = state;
            this.result = result;
            this.summary = new Summary(result.rowsRead(), result.bytesRead(), result.rowsWritten(),
                    result.bytesWritten(), 0, result.data().length, System.nanoTime() - started);
        }

        @Override
        public Summary summary() {
            return summary;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(result.data());
        }

        @Override
        public void close() {
            state.exit();
        }
    }

    private static final class Streamed implements QueryResult {
        private final RequestState state;
        private final ChdbStream stream;
        private final byte[] first;
        private final Summary summary;

        Streamed(RequestState state, ChdbStream stream, byte[] first, long started) {
            this.state = state;
            this.stream = stream;
            this.first = first;
            this.summary = new Summary(stream.rowsRead(), stream.bytesRead(), 0, 0, 0, 0, System.nanoTime() - started);
        }

        @Override
        public Summary summary() {
            return summary;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            for (byte[] chunk = first; chunk != null; chunk = stream.next()) {
                out.write(chunk);
            }
        }

        @Override
        public void close() {
            try {
                stream.close();
            } finally {
                state.exit();
            }
        }
    }

    @Override
    public void close() {
        sessions.close();
        readWrite.close();
        readOnly.close();
        prioritized.close();
    }

}
