package io.lakegate.engine.protocol;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns an HTTP exchange into a {@link QueryRequest} the way ClickHouse's HTTP handler reads its requests. */
public final class RequestParser {
    /** URL parameters that belong to the protocol; every other one is a setting. */
    private static final Set<String> PROTOCOL_PARAMETERS = Set.of("query", "database", "default_format", "query_id",
            "session_id", "session_timeout", "session_check", "compress", "decompress", "user", "password",
            "quota_key", "role", "enable_http_compression", "wait_end_of_query", "buffer_size", "stacktrace");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_SESSION_TIMEOUT = 3600;
    private static final long MAX_DISCARD = 4L << 30;

    private final long maxQueryBytes;

    /** @param maxQueryBytes the largest statement text (URL query plus body) read into memory */
    public RequestParser(long maxQueryBytes) {
        this.maxQueryBytes = maxQueryBytes;
    }

    /** The parameters of a URL query string, percent-decoded; later values win. */
    public static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.put(utf8(percentDecode(key), "URL parameter name"), utf8(percentDecode(value), "URL parameter " + key));
        }
        return result;
    }

    /**
     * Everything a request says before its body: the method, URL parameters and headers, credentials included. The
     * handler authenticates on this, so no body is read (or decompressed) for someone who has not logged in.
     */
    public RequestHead head(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ClickHouseException(ErrorCode.UNSUPPORTED_METHOD, "HTTP method " + method
                    + " is not supported; send queries with GET (read-only) or POST");
        }
        Headers headers = exchange.getRequestHeaders();
        Map<String, String> url = queryParameters(exchange.getRequestURI().getRawQuery());
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        url.forEach((key, value) -> {
            if (key.startsWith("param_")) {
                params.put(key.substring("param_".length()), value);
            } else if (!PROTOCOL_PARAMETERS.contains(key)) {
                if (!NAME.matcher(key).matches()) {
                    throw new ClickHouseException(ErrorCode.UNKNOWN_SETTING, "Unknown setting '" + key
                            + "': URL parameters other than the protocol's own are settings and must be names");
                }
                settings.put(key, value);
            }
        });
        Credentials credentials = credentials(headers, url);
        String defaultFormat = first(headers.getFirst("X-ClickHouse-Format"), url.get("default_format"), "TabSeparated");
        checkFormatName(defaultFormat);
        String database = first(headers.getFirst("X-ClickHouse-Database"), url.get("database"), null);
        String queryId = first(headers.getFirst("X-ClickHouse-Query-Id"), url.get("query_id"), null);
        if (queryId == null || queryId.isEmpty()) {
            queryId = UUID.randomUUID().toString();
        }
        return new RequestHead(method, url, settings, params, credentials, defaultFormat, database, queryId,
                exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    /** Reads the body of the request whose {@link #head} was read (and whose sender was authenticated). */
    public QueryRequest parse(RequestHead head, HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        Map<String, String> url = head.url();
        InputStream body = exchange.getRequestBody();
        body = HttpCompression.decode(headers.getFirst("Content-Encoding"), body);
        if (isTrue(url.get("decompress"))) {
            body = new NativeBlockInputStream(body, maxBlockBytes(url.get("query")));
        }
        boolean isGet = head.method().equals("GET");
        Statement statement = statement(url.get("query"), isGet ? InputStream.nullInputStream() : body);
        String outputFormat = statement.insertFormat != null ? head.defaultFormat()
                : first(SqlScanner.scan(statement.sql).outputFormat(), head.defaultFormat(), head.defaultFormat());
        checkFormatName(outputFormat);
        return new QueryRequest(statement.sql, statement.insertFormat, statement.insertData, head.database(),
                head.defaultFormat(), outputFormat, head.queryId(), session(url), head.settings(), head.params(),
                isGet, isTrue(url.get("compress")), isTrue(url.get("enable_http_compression")), head.credentials(),
                headers.getFirst("User-Agent"), head.remoteAddress());
    }

    /**
     * A compressed body that is statement text is read whole and can be no larger than a statement, so neither can
     * one of its blocks; data streamed into an INSERT is not held whole, and its blocks get the general limit.
     */
    private int maxBlockBytes(String urlQuery) {
        boolean bodyIsData = urlQuery != null && SqlScanner.scan(urlQuery).insertFormat() != null;
        return bodyIsData ? NativeBlockInputStream.DEFAULT_MAX_BLOCK_BYTES
                : (int) Math.min(NativeBlockInputStream.DEFAULT_MAX_BLOCK_BYTES, Math.max(1, maxQueryBytes));
    }

    private record Statement(String sql, String insertFormat, InputStream insertData) {
    }

    private Statement statement(String urlQuery, InputStream body) throws IOException {
        byte[] urlBytes = urlQuery == null ? new byte[0] : urlQuery.getBytes(StandardCharsets.UTF_8);
        if (urlBytes.length > 0) {
            SqlScanner url = SqlScanner.scan(new String(urlBytes, StandardCharsets.ISO_8859_1));
            if (url.insertFormat() != null) {
                // INSERT ... FORMAT X in the URL: the body is data and streams into the engine, never held in memory.
                byte[] inline = Arrays.copyOfRange(urlBytes, url.insertDataStart(), urlBytes.length);
                byte[] lead = Arrays.copyOf(inline, inline.length + 1);
                lead[inline.length] = '\n';
                InputStream data = inline.length == 0 ? body
                        : new SequenceInputStream(new ByteArrayInputStream(lead), body);
                return new Statement(checkedStatement(Arrays.copyOf(urlBytes, url.insertFormatStart())),
                        url.insertFormat(), data);
            }
        }
        byte[] bodyBytes = readLimited(body, maxQueryBytes - urlBytes.length);
        byte[] text;
        if (urlBytes.length > 0 && bodyBytes.length > 0) {
            text = new byte[urlBytes.length + 1 + bodyBytes.length];
            System.arraycopy(urlBytes, 0, text, 0, urlBytes.length);
            text[urlBytes.length] = '\n';
            System.arraycopy(bodyBytes, 0, text, urlBytes.length + 1, bodyBytes.length);
        } else {
            text = urlBytes.length > 0 ? urlBytes : bodyBytes;
        }
        // ISO-8859-1 maps byte offsets to char offsets one to one; SQL structure is all ASCII.
        SqlScanner scanner = SqlScanner.scan(new String(text, StandardCharsets.ISO_8859_1));
        if (scanner.insertFormat() != null) {
            return new Statement(checkedStatement(Arrays.copyOf(text, scanner.insertFormatStart())),
                    scanner.insertFormat(), new ByteArrayInputStream(text, scanner.insertDataStart(),
                    text.length - scanner.insertDataStart()));
        }
        return new Statement(checkedStatement(text), null, null);
    }

    private static String checkedStatement(byte[] bytes) {
        String sql = utf8(bytes, "The query");
        SqlScanner scanner = SqlScanner.scan(sql);
        if (scanner.statementCount() == 0) {
            throw new ClickHouseException(ErrorCode.SYNTAX_ERROR,
                    "Empty query: send the SQL in the 'query' URL parameter or the POST body");
        }
        if (scanner.statementCount() > 1) {
            throw new ClickHouseException(ErrorCode.SYNTAX_ERROR,
                    "Multi-statements are not allowed: send one statement per request");
        }
        return sql;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                discard(in);
                throw new ClickHouseException(ErrorCode.QUERY_IS_TOO_LARGE, "The query text is larger than the "
                        + "limit of " + limit + " bytes. Stream large data as INSERT ... FORMAT <format> in the "
                        + "'query' URL parameter with the data in the body");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops the rest of a body that is too large, so the client, still sending, gets the error response
     * instead of a reset connection. Gives up (and the connection is closed) past {@value #MAX_DISCARD} bytes.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long dropped = 0;
        for (int n; dropped < MAX_DISCARD && (n = in.read(buffer)) > 0; ) {
            dropped += n;
        }
    }

    private static Credentials credentials(Headers headers, Map<String, String> url) {
        String authorization = headers.getFirst("Authorization");
        String headerUser = headers.getFirst("X-ClickHouse-User");
        String headerKey = headers.getFirst("X-ClickHouse-Key");
        boolean urlAuth = url.containsKey("user") || url.containsKey("password");
        int ways = (authorization != null ? 1 : 0) + (headerUser != null || headerKey != null ? 1 : 0) + (urlAuth ? 1 : 0);
        if (ways > 1) {
            throw new ClickHouseException(ErrorCode.AUTHENTICATION_FAILED, "Use one way of authentication: the "
                    + "Authorization header, the X-ClickHouse-User/X-ClickHouse-Key headers, or the user/password URL "
                    + "parameters, not several at once");
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw new ClickHouseException(ErrorCode.AUTHENTICATION_FAILED,
                        "Only Basic HTTP authentication is supported");
            }
            String decoded;
            try {
                decoded = utf8(Base64.getDecoder().decode(authorization.substring(6).trim()), "Basic credentials");
            } catch (IllegalArgumentException e) {
                throw new ClickHouseException(ErrorCode.AUTHENTICATION_FAILED,
                        "The Authorization header is not valid Base64 'user:password'");
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? new Credentials(decoded, "")
                    : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        if (headerUser != null || headerKey != null) {
            return new Credentials(first(headerUser, "default", null), first(headerKey, "", null));
        }
        if (urlAuth) {
            return new Credentials(first(url.get("user"), "default", null), first(url.get("password"), "", null));
        }
        return Credentials.DEFAULT_USER;
    }

    private static QueryRequest.Session session(Map<String, String> url) {
        String id = url.get("session_id");
        if (id == null || id.isEmpty()) {
            return null;
        }
        int timeout = 60;
        String raw = url.get("session_timeout");
        if (raw != null && !raw.isEmpty()) {
            try {
                timeout = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout < 0 || timeout > MAX_SESSION_TIMEOUT) {
                throw new ClickHouseException(ErrorCode.INVALID_SESSION_TIMEOUT, "Invalid session timeout '" + raw
                        + "': give a whole number of seconds from 0 to " + MAX_SESSION_TIMEOUT);
            }
        }
        return new QueryRequest.Session(id, timeout, isTrue(url.get("session_check")));
    }

    static void checkFormatName(String format) {
        if (!NAME.matcher(format).matches()) {
            throw new ClickHouseException(ErrorCode.UNKNOWN_FORMAT, "Unknown format '" + format
                    + "': a format is a name such as TabSeparated, JSON or RowBinaryWithNamesAndTypes");
        }
    }

    static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c == '%') {
                throw new ClickHouseException(ErrorCode.BAD_ARGUMENTS, "Malformed percent-encoding in the URL near '"
                        + s.substring(i, Math.min(s.length(), i + 3)) + "': encode '%' as %25");
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ClickHouseException(ErrorCode.CANNOT_PARSE_TEXT, what + " is not valid UTF-8; encode the text "
                    + "as UTF-8 (binary data belongs in the body of an INSERT ... FORMAT <format>)");
        }
    }
}
