package io.lakegate.proxy.avatica;

import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.proxy.gateway.QueryFailure;
import io.lakegate.proxy.gateway.QueryLifecycle;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.gateway.Tenant;
import io.lakegate.proxy.gateway.TenantGateway;
import io.lakegate.proxy.sql.TenantSqlException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.TypedValue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avatica's JDBC-backed Meta, bound to tenants. Each Avatica connection belongs to the tenant that opened it for its
 * whole life, and every later call must come from the same tenant; a tenant's open connections are capped per
 * credential and per org. Statements are rewritten by the shared {@link TenantGateway} before they reach ClickHouse
 * (through clickhouse-jdbc, with the gateway's own ClickHouse account), and every call that has ClickHouse work on a
 * tenant's statement (prepare, execute) holds one of the org's permits and writes an audit line; catalog calls are
 * answered from the tenant catalog and never reach ClickHouse's. Writes, batches and connection-level changes of
 * database are refused or ignored.
 */
public final class TenantMeta extends JdbcMeta {
    /** The tenant of the HTTP request being served; set by the door for the duration of each request. */
    static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private static final String SQL_STATE_ACCESS = "42000";
    /** Insufficient resources: a tenant limit on concurrency or connections. */
    private static final String SQL_STATE_RESOURCES = "53000";
    /** SQLSTATE for ClickHouse that cannot be reached (connection failure). */
    private static final String SQL_STATE_CONNECTION_FAILURE = "08006";
    /**
     * Rows per frame at least, whatever the client asks: Avatica's driver asks for 100 rows per request by default,
     * and each request costs a round trip and a credential check, so 1 M rows would take 10,000 requests. The
     * driver reads frames of any size (it counts the rows it has read, not the frames).
     */
    static final int MIN_FRAME_ROWS = 5_000;
    /** Rows per frame at most: a client asking for everything at once (-1) would otherwise have it all in memory. */
    static final int MAX_FRAME_ROWS = 50_000;

    private static final String DOOR = "avatica";

    private final TenantGateway gateway;
    private final QueryLifecycle lifecycle;
    private final OpenConnections connections;
    private final PreparedQueries prepared = new PreparedQueries();
    /**
     * The connection each statement was created on. JdbcMeta finds statements by their id alone, and ids are small
     * numbers counted across all connections: without this, a tenant could name another tenant's statement on its
     * own connection and fetch or execute it.
     */
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();
    /** Each statement's query from execution until its last row is fetched or the statement is closed. */
    private final Map<Integer, QueryLifecycle.Query> running = new ConcurrentHashMap<>();
    private final FramesAhead ahead = new FramesAhead();

    public TenantMeta(String clickhouseJdbcUrl, Properties serviceAccount, TenantGateway gateway) throws SQLException {
        super(clickhouseJdbcUrl, SharedConnectionCache.settings(withSqlParser(serviceAccount)));
        this.gateway = gateway;
        this.lifecycle = new QueryLifecycle(gateway);
        this.connections = new OpenConnections(gateway::limits);
    }

    /** The JDBC door's open connections, of every tenant. */
    public int openConnections() {
        return connections.count();
    }

    /**
     * clickhouse-jdbc reads every statement itself (its kind, the columns of a prepared statement). Its default
     * parser cannot read the map of the tenant's row filters in the SETTINGS clause: it warns and gives a prepared
     * statement no columns. Its ANTLR parser reads all of ClickHouse's syntax.
     */
    private static Properties withSqlParser(Properties serviceAccount) {
        Properties p = new Properties();
        p.putAll(serviceAccount);
        p.setProperty("jdbc_sql_parser", "ANTLR4");
        return p;
    }

    @Override
    protected java.sql.Connection createConnection(String url, Properties info) throws SQLException {
        return ResultNormalizer.wrap(super.createConnection(url, SharedConnectionCache.withoutCacheSettings(info)));
    }

    // ---- connections: bound to the tenant that opens them

    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        Tenant tenant = current();
        gateway.catalog(tenant); // a tenant whose org is gone is refused here, with the reason
        Tenant existing;
        try {
            existing = connections.reserve(ch.id, tenant);
        } catch (TenantSqlException e) {
            throw new AvaticaRuntimeException(e.getMessage(), e.errorCode().code(), SQL_STATE_RESOURCES,
                    AvaticaSeverity.ERROR);
        }
        if (existing != null && !existing.equals(tenant)) {
            throw denied("Connection " + ch.id + " belongs to another user");
        }
        try {
            // the client's own properties (user, password, url) never reach ClickHouse: the gateway's account is used
            super.openConnection(ch, Map.of());
        } catch (RuntimeException e) {
            if (existing == null) {
                connections.release(ch.id);
            } else {
                connections.established(ch.id); // opened already: JdbcMeta refuses to open it twice
            }
            throw e;
        }
        connections.established(ch.id);
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        if (connections.owner(ch.id) == null) {
            return; // closed already, or expired: as JdbcMeta would have it
        }
        authorize(ch.id);
        close(ch.id);
    }

    /** Closes every connection of {@code usernames} (revoked credentials); returns how many were open. */
    public int closeConnectionsOf(Set<String> usernames) {
        List<String> ids = connections.of(usernames);
        ids.forEach(this::close);
        return ids.size();
    }

    /**
     * Forgets the connections and statements that JdbcMeta has closed after they sat idle (10 and 5 minutes): their
     * queries give back the org's permits and write their audit lines, and the connections no longer count against
     * the caps. Returns how many connections were forgotten.
     */
    public int forgetExpired() {
        getConnectionCache().cleanUp();
        getStatementCache().cleanUp();
        int forgotten = 0;
        for (String id : connections.established()) {
            if (!getConnectionCache().asMap().containsKey(id)) {
                close(id);
                forgotten++;
            }
        }
        statements.forEach((statementId, connectionId) -> {
            if (!getStatementCache().asMap().containsKey(statementId)) {
                forget(connectionId, statementId, "statement expired after sitting idle");
            }
        });
        return forgotten;
    }

    private void close(String connectionId) {
        connections.release(connectionId);
        statements.forEach((statementId, owner) -> {
            if (owner.equals(connectionId)) {
                forget(connectionId, statementId, "connection closed");
                try {
                    super.closeStatement(new StatementHandle(connectionId, statementId, null));
                } catch (RuntimeException ignored) {
                    // the connection's close below ends it anyway
                }
            }
        });
        try {
            super.closeConnection(new ConnectionHandle(connectionId));
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    @Override
    public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
        authorize(ch.id);
        // the tenant's database is fixed: the client's catalog and schema are dropped (merging them with nulls
        // would keep them, and ClickHouse would switch the connection's current database)
        return super.connectionSync(ch, new org.apache.calcite.avatica.ConnectionPropertiesImpl(
                props.isAutoCommit(), props.isReadOnly(), props.getTransactionIsolation(), null, null));
    }

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        authorize(ch.id);
        return super.getDatabaseProperties(ch);
    }

    // ---- catalog: from the tenant catalog only

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schema, Pat table, List<String> types) {
        return result(ch, CatalogResults.TABLES, CatalogResults.tables(catalog(ch), schema, table, types));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schema, Pat table, Pat column) {
        return result(ch, CatalogResults.COLUMNS, CatalogResults.columns(catalog(ch), schema, table, column));
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schema) {
        TenantCatalog c = catalog(ch);
        return result(ch, CatalogResults.SCHEMAS, CatalogResults.matches(schema, c.database())
                ? List.of((Object) new Object[] {c.database(), null}) : List.of());
    }

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        return result(ch, CatalogResults.CATALOGS, List.of());
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return result(ch, CatalogResults.TABLE_TYPES, List.of((Object) new Object[] {"VIEW"}));
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle ch) {
        return result(ch, CatalogResults.TYPE_INFO, CatalogResults.typeInfo());
    }

    @Override
    public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schema, Pat procedure) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getProcedureColumns(ConnectionHandle ch, String c, Pat s, Pat p, Pat col) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String c, String s, String t, Pat col) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getTablePrivileges(ConnectionHandle ch, String c, Pat s, Pat t) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String c, String s, String t, int scope,
                                              boolean nullable) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getVersionColumns(ConnectionHandle ch, String c, String s, String t) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getImportedKeys(ConnectionHandle ch, String c, String s, String t) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getExportedKeys(ConnectionHandle ch, String c, String s, String t) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getCrossReference(ConnectionHandle ch, String pc, String ps, String pt, String fc,
                                           String fs, String ft) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getIndexInfo(ConnectionHandle ch, String c, String s, String t, boolean unique,
                                      boolean approximate) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getUDTs(ConnectionHandle ch, String c, Pat s, Pat t, int[] types) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getSuperTypes(ConnectionHandle ch, String c, Pat s, Pat t) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getSuperTables(ConnectionHandle ch, String c, Pat s, Pat t) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getAttributes(ConnectionHandle ch, String c, Pat s, Pat t, Pat a) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getFunctions(ConnectionHandle ch, String c, Pat s, Pat f) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getFunctionColumns(ConnectionHandle ch, String c, Pat s, Pat f, Pat col) {
        return empty(ch);
    }

    @Override
    public MetaResultSet getPseudoColumns(ConnectionHandle ch, String c, Pat s, Pat t, Pat col) {
        return empty(ch);
    }

    private TenantCatalog catalog(ConnectionHandle ch) {
        return gateway.catalog(authorize(ch.id));
    }

    private MetaResultSet empty(ConnectionHandle ch) {
        authorize(ch.id);
        return result(ch, CatalogResults.EMPTY, List.of());
    }

    private MetaResultSet result(ConnectionHandle ch, CatalogResults.Shape shape, List<Object> rows) {
        authorize(ch.id); // getCatalogs, getTableTypes, getTypeInfo check nothing else before making a statement
        StatementHandle statement = bind(super.createStatement(ch));
        return MetaResultSet.create(ch.id, statement.id, true, shape.signature(), Frame.create(0, true, rows));
    }

    // ---- statements: rewritten for the tenant's org, limited, audited

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
        authorize(ch.id);
        return bind(super.createStatement(ch));
    }

    private StatementHandle bind(StatementHandle statement) {
        statements.put(statement.id, statement.connectionId);
        return statement;
    }

    /**
     * Prepares the planned query in ClickHouse, which analyses it to describe its result (running its scalar
     * subqueries), so a prepare takes one of the org's permits for as long and writes its own audit line.
     */
    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        Tenant tenant = authorize(ch.id);
        try (QueryLifecycle.Query query = lifecycle.start(DOOR, "prepare", tenant, UUID.randomUUID().toString(),
                sql)) {
            String run = query.plan(() -> plan(tenant, sql)).sql();
            StatementHandle handle = bind(query.run(() -> super.prepare(ch, run, maxRowCount)));
            prepared.put(handle, new PreparedQueries.Prepared(sql, run, handle.signature));
            return handle;
        } catch (QueryFailure f) {
            throw avatica(f);
        }
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
                                           PrepareCallback callback) throws NoSuchStatementException {
        return prepareAndExecute(h, sql, maxRowCount, -1, callback);
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
                                           PrepareCallback callback) throws NoSuchStatementException {
        Tenant tenant = authorize(h);
        finish(h.id); // a statement re-executed ends its previous query
        if (lifecycle.answeredWithoutQuery(DOOR, tenant, UUID.randomUUID().toString(), sql)) {
            return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, 0)));
        }
        try {
            QueryLifecycle.Query query = begin(h, tenant, sql);
            String planned = query.plan(() -> plan(tenant, sql)).sql();
            return track(h, query, super.prepareAndExecute(h, planned, maxRowCount, frameRows(maxRowsInFirstFrame),
                    callback));
        } catch (RuntimeException e) {
            throw fail(h, tenant, e);
        }
    }

    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
    }

    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        Tenant tenant = authorize(h);
        PreparedQueries.Prepared statement = prepared.get(h);
        if (statement == null) {
            throw new NoSuchStatementException(h);
        }
        finish(h.id); // a statement re-executed ends its previous query
        // the statement in ClickHouse holds what was planned; the handle's signature is the client's to forge
        StatementHandle own = new StatementHandle(h.connectionId, h.id, statement.signature());
        try {
            QueryLifecycle.Query query = begin(h, tenant, statement.received());
            query.planned(statement.run());
            return track(h, query, super.execute(own, parameterValues, frameRows(maxRowsInFirstFrame)));
        } catch (RuntimeException e) {
            throw fail(h, tenant, e);
        }
    }

    static int frameRows(int requested) {
        return requested <= 0 ? MIN_FRAME_ROWS : Math.min(Math.max(requested, MIN_FRAME_ROWS), MAX_FRAME_ROWS);
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        Tenant tenant = authorize(h);
        try {
            Frame frame = ahead.fetch(h.id, offset, frameRows(fetchMaxRowCount), reader(h));
            QueryLifecycle.Query query = running.get(h.id);
            if (query != null) {
                query.countRows(FramesAhead.count(frame));
                if (frame.done) {
                    finish(h.id);
                }
            }
            return frame;
        } catch (RuntimeException e) {
            throw fail(h, tenant, e);
        }
    }

    @Override
    public void closeStatement(StatementHandle h) {
        try {
            authorize(h);
        } catch (NoSuchStatementException gone) {
            return; // closed already, as JdbcMeta would have it
        }
        forget(h.connectionId, h.id, null);
        super.closeStatement(h);
    }

    private void forget(String connectionId, int statementId, String why) {
        ahead.drop(statementId);
        QueryLifecycle.Query query = running.remove(statementId);
        if (query != null) {
            query.abandon(why);
        }
        prepared.remove(connectionId, statementId);
        statements.remove(statementId);
    }

    @Override
    public boolean syncResults(StatementHandle h, QueryState state, long offset) throws NoSuchStatementException {
        authorize(h);
        throw denied("Resuming results is not supported by the gateway: run the query again");
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
            throws NoSuchStatementException {
        authorize(h);
        throw denied(TenantPolicy.Refusal.BATCH.exception().getMessage());
    }

    @Override
    public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
            throws NoSuchStatementException {
        authorize(h);
        throw denied(TenantPolicy.Refusal.BATCH.exception().getMessage());
    }

    @Override
    public ExecuteBatchResult executeBatchProtobuf(StatementHandle h, List<Requests.UpdateBatch> updateBatches)
            throws NoSuchStatementException {
        authorize(h);
        throw denied(TenantPolicy.Refusal.BATCH.exception().getMessage());
    }

    @Override
    public void commit(ConnectionHandle ch) {
        authorize(ch.id);
    }

    @Override
    public void rollback(ConnectionHandle ch) {
        authorize(ch.id);
    }

    private TenantGateway.PlannedQuery plan(Tenant tenant, String sql) {
        TenantGateway.PlannedQuery planned = gateway.plan(tenant, sql, Map.of());
        if (planned.format() != null) {
            throw new TenantSqlException(TenantSqlException.Reason.UNSUPPORTED, "FORMAT " + planned.format()
                    + " is not used over JDBC: rows come back as a result set; remove the FORMAT clause");
        }
        return planned;
    }

    /** Starts the statement's query; it runs until its last row is fetched or the statement is closed. */
    private QueryLifecycle.Query begin(StatementHandle h, Tenant tenant, String sql) {
        QueryLifecycle.Query query = lifecycle.start(DOOR, null, tenant, UUID.randomUUID().toString(), sql);
        running.put(h.id, query);
        return query;
    }

    /** Counts the first frames' rows; ends the query when they hold every row. */
    private ExecuteResult track(StatementHandle h, QueryLifecycle.Query query, ExecuteResult result) {
        boolean done = true;
        for (MetaResultSet rs : result.resultSets) {
            if (rs.firstFrame != null) {
                query.countRows(FramesAhead.count(rs.firstFrame));
                done &= rs.firstFrame.done;
            } else if (rs.updateCount >= 0) {
                query.countRows(rs.updateCount);
            }
        }
        if (done) {
            finish(h.id);
        } else if (result.resultSets.size() == 1) {
            Frame first = result.resultSets.get(0).firstFrame;
            ahead.readAhead(h.id, 0, first, MIN_FRAME_ROWS, reader(h));
        }
        return result;
    }

    /** Ends the statement's query, if one runs, with {@code e}, and tells it as Avatica's clients read it. */
    private AvaticaRuntimeException fail(StatementHandle h, Tenant tenant, RuntimeException e) {
        QueryLifecycle.Query query = running.remove(h.id);
        return avatica(query == null ? lifecycle.failure(tenant, e) : query.fail(e));
    }

    /** How the statement's rows are read from ClickHouse. */
    private FramesAhead.Reader reader(StatementHandle h) {
        return (offset, rows) -> super.fetch(h, offset, rows);
    }

    /** Ends the statement's query, if one runs, as answered. */
    private void finish(int statementId) {
        ahead.drop(statementId);
        QueryLifecycle.Query query = running.remove(statementId);
        if (query != null) {
            query.close();
        }
    }



    /**
     * A failed query as Avatica's clients read it: the gateway's refusals with the state of an access error, or of
     * insufficient resources for the org's concurrency and rate limits; ClickHouse's failures with its code.
     */
    private static AvaticaRuntimeException avatica(QueryFailure f) {
        String state = f.code() == ErrorCode.TOO_MANY_SIMULTANEOUS_QUERIES.code() ? SQL_STATE_RESOURCES
                : f.code() == ErrorCode.NETWORK_ERROR.code() ? SQL_STATE_CONNECTION_FAILURE
                : f.refused() && f.code() != ErrorCode.TOO_MANY_ROWS_OR_BYTES.code() ? SQL_STATE_ACCESS : "HY000";
        return new AvaticaRuntimeException(f.getMessage(), f.code(), state, AvaticaSeverity.ERROR);
    }

    /**
     * The tenant of the current request, who must own the statement's connection, on which it must have been made. A
     * statement the gateway does not know (closed, expired, or never made) is missing, as JdbcMeta reports it, and
     * Avatica's driver makes it again; it never reaches JdbcMeta, which would find another connection's statement by
     * its id.
     */
    private Tenant authorize(StatementHandle h) throws NoSuchStatementException {
        Tenant tenant = authorize(h.connectionId);
        String connection = statements.get(h.id);
        if (connection == null) {
            throw new NoSuchStatementException(h);
        }
        if (!h.connectionId.equals(connection)) {
            throw denied("Statement " + h.id + " is not a statement of connection " + h.connectionId
                    + ": create the statement on this connection");
        }
        return tenant;
    }

    /** The tenant connection {@code connectionId} belongs to, or null when it is not open. */
    Tenant ownerOf(String connectionId) {
        return connections.owner(connectionId);
    }

    /**
     * The tenant of the current request, who must be the one the connection belongs to. A connection that is not open
     * is reported missing, as JdbcMeta reports it: Avatica's driver with {@code transparent_reconnection=true} opens it
     * again (authenticated and counted against the caps like any other), others show the message.
     */
    private Tenant authorize(String connectionId) {
        Tenant tenant = current();
        Tenant owner = connections.owner(connectionId);
        if (owner == null) {
            throw new AvaticaRuntimeException("Connection " + connectionId + " is not open (closed, revoked or "
                    + "expired): connect again", Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE, "08003",
                    AvaticaSeverity.ERROR);
        }
        if (!owner.equals(tenant)) {
            throw denied("Connection " + connectionId + " belongs to another user");
        }
        return tenant;
    }

    private static Tenant current() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw denied("Not authenticated");
        }
        return tenant;
    }

    private static AvaticaRuntimeException denied(String message) {
        return new AvaticaRuntimeException(message, 497, SQL_STATE_ACCESS, AvaticaSeverity.ERROR);
    }
}
