package io.lakegate.proxy.avatica;

import io.lakegate.engine.protocol.ClickHouseHttpServer;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.gateway.GatewayAuthenticator;
import io.lakegate.proxy.gateway.Tenant;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.JsonService;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaJsonHandler;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.OptionalSslConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's JDBC door: an Avatica server (JSON and protobuf on one port, told apart by the body) behind HTTP Basic
 * authentication against the tenants' credentials. The authenticated tenant is handed to {@link TenantMeta} for the
 * duration of each request. Revoked credentials lose their open connections within {@link #REVOCATION_CHECK_SECONDS},
 * and connections that expired idle stop counting against the tenant's caps as soon.
 */
public final class AvaticaDoor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvaticaDoor.class);
    static final int REVOCATION_CHECK_SECONDS = 2;
    private static final int MAX_REQUEST_BYTES = 64 << 20;

    private final Server server;
    private final ScheduledExecutorService revocations;

    private AvaticaDoor(Server server, ScheduledExecutorService revocations) {
        this.server = server;
        this.revocations = revocations;
    }

    /**
     * @param tls null for plain HTTP
     */
    public static AvaticaDoor start(String host, int port, TenantMeta meta, GatewayAuthenticator authenticator,
                                    CredentialStore credentials, SSLContext tls) throws Exception {
        LocalService service = new LocalService(meta);
        Server server = new Server();
        ServerConnector connector;
        if (tls != null) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            SslConnectionFactory https = new SslConnectionFactory(ssl, "http/1.1");
            connector = new ServerConnector(server, new PlainHttpRefusal(https), https, new HttpConnectionFactory());
        } else {
            connector = new ServerConnector(server);
        }
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        AvaticaJsonHandler json = new AvaticaJsonHandler(service);
        AvaticaProtobufHandler protobuf = new AvaticaProtobufHandler(service);
        json.setServer(server);
        protobuf.setServer(server);
        PropertyLogin propertyLogin = new PropertyLogin(authenticator, meta::ownerOf);
        server.setHandler(new TenantHandler(authenticator, propertyLogin, json, protobuf));
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            if (e.getCause() instanceof BindException bind) {
                throw ClickHouseHttpServer.bindFailure(host, port, bind);
            }
            throw e;
        }
        ScheduledExecutorService revocations = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakegate-revocations");
            t.setDaemon(true);
            return t;
        });
        revocations.scheduleWithFixedDelay(() -> {
            try {
                int closed = meta.closeConnectionsOf(credentials.revoked());
                if (closed > 0) {
                    LOG.info("Closed {} connection(s) of revoked credentials", closed);
                }
            } catch (Exception e) {
                LOG.warn("Cannot check for revoked credentials: {}", e.getMessage());
            }
            try {
                meta.forgetExpired();
                propertyLogin.forgetClosed();
            } catch (RuntimeException e) {
                LOG.warn("Cannot forget expired connections: {}", e.toString());
            }
        }, REVOCATION_CHECK_SECONDS, REVOCATION_CHECK_SECONDS, TimeUnit.SECONDS);
        return new AvaticaDoor(server, revocations);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        revocations.shutdownNow();
        server.stop();
    }

    /** Authenticates each request, then passes it to the JSON or the protobuf handler. */
    private static final class TenantHandler extends AbstractHandler {
        private final GatewayAuthenticator authenticator;
        private final PropertyLogin propertyLogin;
        private final AvaticaJsonHandler json;
        private final AvaticaProtobufHandler protobuf;

        TenantHandler(GatewayAuthenticator authenticator, PropertyLogin propertyLogin, AvaticaJsonHandler json,
                      AvaticaProtobufHandler protobuf) {
            this.authenticator = authenticator;
            this.propertyLogin = propertyLogin;
            this.json = json;
            this.protobuf = protobuf;
            addBean(json);
            addBean(protobuf);
        }

        @Override
        public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            base.setHandled(true);
            if (!"POST".equals(request.getMethod())) {
                plain(response, 405, "Send Avatica requests with POST; connect with the Avatica JDBC driver, e.g. "
                        + "jdbc:avatica:remote:url=http://host:8765;serialization=protobuf;authentication=BASIC");
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                plain(response, 413, "The request is larger than " + (MAX_REQUEST_BYTES >> 20) + " MB");
                return;
            }
            boolean jsonBody = isJson(body);
            String[] basic = basic(request.getHeader("Authorization"));
            Tenant tenant;
            try {
                tenant = basic[0] != null ? authenticator.authenticate(basic[0], basic[1], request.getRemoteAddr())
                        : propertyLogin.tenant(body, jsonBody, request.getRemoteAddr());
                if (tenant == null) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"lakegate\"");
                    plain(response, 401, "Authentication required: give the username and password issued for your "
                            + "organization as the properties user and password, or avatica_user and "
                            + "avatica_password with authentication=BASIC in the URL");
                    return;
                }
            } catch (GatewayAuthenticator.LoginFailedException e) {
                error(response, jsonBody, e.getMessage(), 516, "28000");
                return;
            } catch (RuntimeException e) {
                LOG.warn("Login check failed: {}", e.getMessage());
                // in practice ClickHouse, where the credentials live, is unreachable or failing
                error(response, jsonBody, "The gateway cannot reach ClickHouse to check your credentials right now: "
                        + "try again shortly", 210, "08001");
                return;
            }
            HttpServletRequest replay = new BodyRequest(request, body);
            NoServerTraces answer = new NoServerTraces(response, jsonBody);
            TenantMeta.CURRENT.set(tenant);
            try {
                if (jsonBody) {
                    json.handle(target, base, replay, answer);
                } else {
                    protobuf.handle(target, base, replay, answer);
                }
                answer.finish();
            } catch (Exception e) {
                LOG.warn("Malformed Avatica request from {}: {}", request.getRemoteAddr(), e.toString());
                if (!response.isCommitted()) {
                    plain(response, 400, "Malformed Avatica request: use the Avatica JDBC driver");
                }
            } finally {
                TenantMeta.CURRENT.remove();
            }
        }

        private static boolean isJson(byte[] body) {
            for (byte b : body) {
                if (!Character.isWhitespace(b)) {
                    return b == '{';
                }
            }
            return false;
        }

        private static String[] basic(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return new String[] {null, null};
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? new String[] {decoded, ""}
                        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            } catch (IllegalArgumentException e) {
                return new String[] {null, null};
            }
        }

        /** An Avatica error response, so the driver shows the message instead of a bare HTTP status. */
        private static void error(HttpServletResponse response, boolean json, String message, int code,
                                  String sqlState) throws IOException {
            Service.ErrorResponse error = new Service.ErrorResponse(List.of(), message, code, sqlState,
                    AvaticaSeverity.ERROR, null);
            response.setStatus(500);
            response.setContentType(json ? "application/json; charset=UTF-8" : "application/octet-stream");
            response.getOutputStream().write(json ? JsonService.MAPPER.writeValueAsBytes(error)
                    : new ProtobufTranslationImpl().serializeResponse(error));
        }

        private static void plain(HttpServletResponse response, int status, String message) throws IOException {
            response.setStatus(status);
            response.setContentType("text/plain; charset=UTF-8");
            response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * On the HTTPS port, answers a plain-HTTP request with a 400 that says to use https, instead of dropping the
     * connection: Avatica's driver retries a request that gets no HTTP response forever, so a tenant whose URL says
     * http:// would hang (and hammer the port) rather than see an error.
     */
    @SuppressWarnings("deprecation") // Jetty 9.4, which Avatica brings, has no other hook for a plain request on a TLS port
    private static final class PlainHttpRefusal extends OptionalSslConnectionFactory {
        private static final byte[] RESPONSE;

        static {
            byte[] body = ("This port speaks HTTPS: connect with jdbc:avatica:remote:url=https://...\n")
                    .getBytes(StandardCharsets.US_ASCII);
            RESPONSE = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII);
        }

        PlainHttpRefusal(SslConnectionFactory https) {
            super(https, null);
        }

        @Override
        protected void otherProtocol(ByteBuffer buffer, EndPoint endPoint) {
            // half-close after the answer, so the client reads it rather than a reset; the idle timeout ends the rest
            endPoint.write(Callback.from(endPoint::shutdownOutput, failure -> endPoint.close()),
                    ByteBuffer.wrap(RESPONSE));
        }
    }

    /**
     * Avatica's handlers put the gateway's stack traces into every error response, and its driver shows them to the
     * tenant (getStackTraces, printStackTrace): an error response (status 500) is passed on with its message, code
     * and SQL state only. The message stands in for the traces too: on a failed prepare, Avatica's driver keeps only
     * the code, the SQL state and the traces ("Error 497 (42000) : while preparing SQL: ..."), and the reason would
     * be lost. Other responses go straight through.
     */
    private static final class NoServerTraces extends HttpServletResponseWrapper {
        private static final ProtobufTranslationImpl PROTOBUF = new ProtobufTranslationImpl();

        private final boolean json;
        private int status = HttpServletResponse.SC_OK;
        private ByteArrayOutputStream error;
        private PrintWriter errorWriter;

        NoServerTraces(HttpServletResponse response, boolean json) {
            super(response);
            this.json = json;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (status != HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                return super.getOutputStream();
            }
            error = new ByteArrayOutputStream();
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("blocking writes only");
                }

                @Override
                public void write(int b) {
                    error.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    error.write(b, off, len);
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (status != HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                return super.getWriter();
            }
            error = new ByteArrayOutputStream();
            errorWriter = new PrintWriter(new OutputStreamWriter(error, StandardCharsets.UTF_8));
            return errorWriter;
        }

        /** Writes the held-back error response without its stack traces. */
        void finish() throws IOException {
            if (error == null) {
                return;
            }
            if (errorWriter != null) {
                errorWriter.flush();
            }
            byte[] body = error.toByteArray();
            try {
                Service.Response parsed = json ? JsonService.MAPPER.readValue(body, Service.Response.class)
                        : PROTOBUF.parseResponse(body);
                if (parsed instanceof Service.ErrorResponse e) {
                    List<String> reason = e.errorMessage == null ? List.of() : List.of(e.errorMessage);
                    Service.ErrorResponse bare = new Service.ErrorResponse(reason, e.errorMessage, e.errorCode,
                            e.sqlState, e.severity, e.rpcMetadata);
                    body = json ? JsonService.MAPPER.writeValueAsBytes(bare) : PROTOBUF.serializeResponse(bare);
                }
            } catch (IOException | RuntimeException unreadable) {
                // not an Avatica response: pass it on as it is
            }
            getResponse().getOutputStream().write(body);
        }
    }

    /** The request with its body already read, so the body can be looked at before a handler reads it. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
