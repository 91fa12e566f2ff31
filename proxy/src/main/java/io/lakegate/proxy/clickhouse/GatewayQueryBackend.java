package io.lakegate.proxy.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.protocol.NativeBlockSplitter;
import io.lakegate.engine.protocol.QueryBackend;
import io.lakegate.engine.protocol.QueryRequest;
import io.lakegate.engine.protocol.QueryResult;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.gateway.QueryLifecycle;
import io.lakegate.proxy.gateway.ResultCache;
import io.lakegate.proxy.gateway.Tenant;
import io.lakegate.proxy.gateway.TenantGateway;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.ClickHouseSqlPreprocessor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway behind the ClickHouse HTTP interface: the same query lifecycle as the JDBC door ({@link QueryLifecycle}:
 * permit, plan, run, count, audit), with the answer produced by ClickHouse in the format the client asked for and
 * streamed through unchanged. Catalog queries go the {@link CatalogQueries} way.
 */
public final class GatewayQueryBackend implements QueryBackend<Tenant> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ClickHouse's answer to a SET: no rows, no body. */
    private static final QueryResult NOTHING = new QueryResult() {
        @Override
        public Summary summary() {
            return Summary.EMPTY;
        }

        @Override
        public void writeTo(OutputStream out) {
        }

        @Override
        public void close() {
        }
    };

    private static final String DOOR = "clickhouse";

    private final TenantGateway gateway;
    private final QueryLifecycle lifecycle;
    private final TenantPolicy policy;
    private final UpstreamClickHouse upstream;
    private final ResultCache results;
    private final String version;
    private final String timezone;

    public GatewayQueryBackend(TenantGateway gateway, TenantPolicy policy, UpstreamClickHouse upstream,
                               ResultCache results) {
        this.gateway = gateway;
        this.lifecycle = new QueryLifecycle(gateway);
        this.policy = policy;
        this.upstream = upstream;
        this.results = results;
        this.version = upstream.text("SELECT version()");
        this.timezone = upstream.text("SELECT timezone()");
    }

    @Override
    public String serverVersion() {
        return version;
    }

    @Override
    public String serverTimezone() {
        return timezone;
    }

    @Override
    public QueryResult execute(QueryRequest request, Tenant tenant) {
        if (lifecycle.answeredWithoutQuery(DOOR, tenant, request.queryId(), request.sql())) {
            return NOTHING;
        }
        QueryLifecycle.Query query = lifecycle.start(DOOR, null, tenant, request.queryId(), request.sql());
        TenantCatalog catalog = query.run(() -> gateway.catalog(tenant));
        String statement = query.run(() -> {
            if (request.insertFormat() != null) {
                throw TenantPolicy.Refusal.INSERT.exception();
            }
            return CatalogStatements.translate(request.sql(), catalog);
        });
        boolean catalogQuery = CatalogQueries.isCatalogQuery(statement);
        String run = query.plan(() -> plan(request, tenant, catalog, statement, catalogQuery)).sql();
        ResultCache.Key key = catalogQuery ? null : results.key(catalog, run, request.outputFormat(),
                request.params());
        ResultCache.Answer answer = results.get(key);
        if (key != null) {
            query.cached(answer != null);
        }
        if (answer != null) {
            return new KeptAnswer(answer, query);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query_id", upstreamQueryId(tenant, request.queryId()));
        // currentDatabase() answers the tenant's database, as it does through the JDBC door
        parameters.put("database", gateway.database());
        request.params().forEach((name, value) -> parameters.put("param_" + name, value));
        // ClickHouse compresses for a client that asked, and the blocks pass through; an answer being kept for the
        // result cache comes plain, as a later client may not ask
        boolean compressed = key == null && request.compressResponse();
        if (compressed) {
            parameters.put("compress", "1");
        }
        HttpResponse<InputStream> response = query.run(() -> upstream.post(run + "\nFORMAT "
                + request.outputFormat(), parameters));
        return new Forwarded(response, query, key == null ? null : new KeptAnswer.Keeping(results, key),
                compressed);
    }

    private TenantGateway.PlannedQuery plan(QueryRequest request, Tenant tenant, TenantCatalog catalog,
                                            String statement, boolean catalogQuery) {
        // URL parameters carry plain text; the SETTINGS clause they go into needs literals
        Map<String, String> urlSettings = new LinkedHashMap<>();
        request.settings().forEach((name, value) -> urlSettings.put(name, TenantPolicy.urlSettingValue(value)));
        return catalogQuery ? catalogQuery(statement, catalog, urlSettings)
                : gateway.plan(tenant, statement, urlSettings);
    }

    /**
     * The query id ClickHouse sees: the client's, in its org's own space. Every tenant's query runs as the gateway's
     * one ClickHouse user, and ClickHouse refuses a query id that user already has running, so a bare id would let
     * one tenant collide with another's query and learn that it runs.
     */
    static String upstreamQueryId(Tenant tenant, String clientQueryId) {
        // org ids hold digits, hex and dashes, never a colon: the org part cannot be forged by the client part
        return "lakegate-" + tenant.orgId() + ":" + clientQueryId;
    }

    private TenantGateway.PlannedQuery catalogQuery(String sql, TenantCatalog catalog,
                                                    Map<String, String> requestSettings) {
        ClickHouseSqlPreprocessor.Result parts = ClickHouseSqlPreprocessor.trailingClauses(sql);
        policy.checkCatalogQuery(upstream.text("EXPLAIN AST " + parts.sql()));
        Map<String, String> requested = new LinkedHashMap<>(requestSettings);
        requested.putAll(parts.settings());
        return new TenantGateway.PlannedQuery(TenantSystemTables.rewrite(parts.sql(), catalog) + "\n"
                + gateway.settingsClause(catalog, requested, TenantPolicy.catalogRowFilters(catalog)), parts.format(),
                List.of());
    }

    /** ClickHouse's answer, passed through byte for byte. */
    private static final class Forwarded implements QueryResult {
        private final HttpResponse<InputStream> response;
        private final QueryLifecycle.Query query;
        private final KeptAnswer.Keeping keeping;
        private final boolean compressed;
        private final Summary summary;

        /**
         * @param keeping where the answer is kept once whole, or null
         * @param compressed whether the answer is in ClickHouse's native compressed blocks
         */
        Forwarded(HttpResponse<InputStream> response, QueryLifecycle.Query query, KeptAnswer.Keeping keeping,
                  boolean compressed) {
            this.response = response;
            this.query = query;
            this.keeping = keeping;
            this.compressed = compressed;
            this.summary = summary(response.headers().firstValue("X-ClickHouse-Summary").orElse(null));
        }

        @Override
        public Summary summary() {
            return summary;
        }

        @Override
        public boolean compressed() {
            return compressed;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            // ClickHouse checks max_result_bytes between blocks, so one large block passes: the bytes are counted
            // here too. They are the formatted output, a little more than ClickHouse counts for most formats.
            byte[] buffer = new byte[64 * 1024];
            NativeBlockSplitter.Sink pass = (b, off, len, size) -> {
                query.countBytes(size);
                out.write(b, off, len);
            };
            // compressed blocks go on whole, each counted by its uncompressed size: a limit stops between two
            NativeBlockSplitter blocks = compressed ? new NativeBlockSplitter(pass) : null;
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (blocks != null) {
                        blocks.write(buffer, 0, n);
                    } else {
                        pass.write(buffer, 0, n, n);
                    }
                    if (keeping != null) {
                        keeping.write(buffer, n);
                    }
                }
            }
            if (blocks != null) {
                blocks.finish();
            }
            if (keeping != null) {
                keeping.complete(summary.resultRows());
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the query is over either way
            }
            query.close(summary.resultRows());
        }

        private static Summary summary(String header) {
            if (header == null) {
                return Summary.EMPTY;
            }
            try {
                JsonNode s = JSON.readTree(header);
                return new Summary(s.path("read_rows").asLong(), s.path("read_bytes").asLong(),
                        s.path("written_rows").asLong(), s.path("written_bytes").asLong(),
                        s.path("result_rows").asLong(), s.path("result_bytes").asLong(),
                        s.path("elapsed_ns").asLong());
            } catch (IOException e) {
                return Summary.EMPTY;
            }
        }
    }
}
