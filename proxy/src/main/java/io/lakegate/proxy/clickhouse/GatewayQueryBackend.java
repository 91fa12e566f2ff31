package io.lakegate.proxy.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.engine.protocol.QueryBackend;
import io.lakegate.engine.protocol.QueryRequest;
import io.lakegate.engine.protocol.QueryResult;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.gateway.AuditLog;
import io.lakegate.proxy.gateway.HarmlessSet;
import io.lakegate.proxy.gateway.ResultCache;
import io.lakegate.proxy.gateway.Tenant;
import io.lakegate.proxy.gateway.TenantGateway;
import io.lakegate.proxy.gateway.UpstreamErrors;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.proxy.sql.ClickHouseSqlPreprocessor;
import io.lakegate.proxy.sql.TenantSqlException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway behind the ClickHouse HTTP interface: the same tenant pipeline as the JDBC door (rewrite, bind,
 * limits, concurrency, audit), with the answer produced by ClickHouse in the format the client asked for and
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

    private final TenantGateway gateway;
    private final ClickHouseFunctions functions;
    private final UpstreamClickHouse upstream;
    private final ResultCache results;
    private final String version;
    private final String timezone;

    public GatewayQueryBackend(TenantGateway gateway, ClickHouseFunctions functions, UpstreamClickHouse upstream,
                               ResultCache results) {
        this.gateway = gateway;
        this.functions = functions;
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
        AuditLog.Entry audit = gateway.audit().start("clickhouse", tenant, request.queryId(), request.sql());
        TenantGateway.Permit permit = null;
        try {
            if (request.insertFormat() != null) {
                throw new TenantSqlException(TenantSqlException.Reason.NOT_ALLOWED, "INSERT is not allowed: the "
                        + "gateway only runs queries that read");
            }
            if (HarmlessSet.matches(request.sql())) {
                audit.finish(0, null);
                return NOTHING;
            }
            TenantCatalog catalog = gateway.catalog(tenant);
            // URL parameters carry plain text; the SETTINGS clause they go into needs literals
            Map<String, String> urlSettings = new LinkedHashMap<>();
            request.settings().forEach((name, value) -> urlSettings.put(name, TenantLimits.urlValue(value)));
            String statement = CatalogStatements.translate(request.sql(), catalog);
            boolean catalogQuery = CatalogQueries.isCatalogQuery(statement);
            String run = catalogQuery ? catalogQuery(statement, catalog, urlSettings)
                    : gateway.plan(tenant, statement, urlSettings).sql();
            audit.ran(run);
            permit = gateway.acquire(tenant);
            ResultCache.Key kept = catalogQuery ? null : results.key(catalog, run, request.outputFormat(),
                    request.params());
            ResultCache.Answer answer = results.get(kept);
            if (kept != null) {
                audit.cached(answer != null);
            }
            if (answer != null) {
                return new KeptAnswer(answer, permit, audit);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("query_id", upstreamQueryId(tenant, request.queryId()));
            // currentDatabase() answers the tenant's database, as it does through the JDBC door
            parameters.put("database", gateway.database());
            request.params().forEach((name, value) -> parameters.put("param_" + name, value));
            HttpResponse<InputStream> response = upstream.post(run + "\nFORMAT " + request.outputFormat(),
                    parameters);
            return new Forwarded(response, permit, audit, gateway.limits(tenant),
                    kept == null ? null : new KeptAnswer.Keeping(results, kept));
        } catch (TenantSqlException e) {
            close(permit, audit.refused(), e.getMessage());
            throw new ClickHouseException(e.errorCode(), e.getMessage(), e);
        } catch (ClickHouseException e) {
            close(permit, audit, e.getMessage());
            throw new ClickHouseException(e.code(), e.errorName(),
                    gateway.limits(tenant).explain(UpstreamErrors.forTenant(e.getMessage())), e);
        } catch (RuntimeException e) {
            close(permit, audit, String.valueOf(e.getMessage()));
            throw new ClickHouseException(ErrorCode.UNKNOWN_EXCEPTION, "The gateway failed: " + e.getMessage(), e);
        }
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

    private String catalogQuery(String sql, TenantCatalog catalog, Map<String, String> requestSettings) {
        ClickHouseSqlPreprocessor.Result parts = ClickHouseSqlPreprocessor.trailingClauses(sql);
        CatalogQueries.check(upstream.text("EXPLAIN AST " + parts.sql()), functions);
        Map<String, String> requested = new LinkedHashMap<>(requestSettings);
        requested.putAll(parts.settings());
        return TenantSystemTables.rewrite(parts.sql(), catalog) + "\n"
                + gateway.settingsClause(catalog, requested, CatalogQueries.filters(catalog));
    }

    private static void close(TenantGateway.Permit permit, AuditLog.Entry audit, String error) {
        if (permit != null) {
            permit.close();
        }
        audit.finish(0, error);
    }

    /** ClickHouse's answer, passed through byte for byte. */
    private static final class Forwarded implements QueryResult {
        private final HttpResponse<InputStream> response;
        private final TenantGateway.Permit permit;
        private final AuditLog.Entry audit;
        private final TenantLimits limits;
        private final KeptAnswer.Keeping keeping;
        private final Summary summary;
        private long written;
        private String error;

        /** @param keeping where the answer is kept once whole, or null */
        Forwarded(HttpResponse<InputStream> response, TenantGateway.Permit permit, AuditLog.Entry audit,
                  TenantLimits limits, KeptAnswer.Keeping keeping) {
            this.response = response;
            this.permit = permit;
            this.audit = audit;
            this.limits = limits;
            this.keeping = keeping;
            this.summary = summary(response.headers().firstValue("X-ClickHouse-Summary").orElse(null));
        }

        @Override
        public Summary summary() {
            return summary;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            // ClickHouse checks max_result_bytes between blocks, so one large block passes: the bytes are counted
            // here too. They are the formatted output, a little more than ClickHouse counts for most formats.
            long left = limits.maxResultBytes();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (n > left) {
                        error = limits.resultBytesExceeded();
                        audit.refused();
                        throw new ClickHouseException(ErrorCode.TOO_MANY_ROWS_OR_BYTES, error);
                    }
                    out.write(buffer, 0, n);
                    if (keeping != null) {
                        keeping.write(buffer, n);
                    }
                    left -= n;
                    written += n;
                }
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
            permit.close();
            audit.finish(summary.resultRows(), written, error);
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
