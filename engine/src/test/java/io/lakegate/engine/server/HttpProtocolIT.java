package io.lakegate.engine.server;

import io.lakegate.engine.protocol.NativeBlockInputStream;
import io.lakegate.engine.testing.Http;
import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static io.lakegate.engine.testing.Http.enc;
import static io.lakegate.engine.testing.Http.get;
import static io.lakegate.engine.testing.Http.post;
import static io.lakegate.engine.testing.Http.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The ClickHouse HTTP interface with raw requests, as curl and other thin clients send them. */
class HttpProtocolIT {
    @BeforeAll
    static void table() {
        query("CREATE DATABASE IF NOT EXISTS http_it");
        query("CREATE TABLE IF NOT EXISTS http_it.events (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        query("TRUNCATE TABLE http_it.events");
        query("INSERT INTO http_it.events VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }

    @Test
    void pingAndRoot() {
        assertThat(get("/ping").body()).isEqualTo("Ok.\n");
        assertThat(get("/").body()).isEqualTo("Ok.\n");
    }

    @Test
    void queryInUrlAndBodyAndBoth() {
        assertThat(get("/?query=" + enc("SELECT 1 + 1")).body()).isEqualTo("2\n");
        assertThat(post("/", "SELECT 'body'").body()).isEqualTo("body\n");
        // URL part + "\n" + body, as INSERT ... FORMAT sends data
        query("CREATE TABLE IF NOT EXISTS http_it.ins (a Int32, b String) ENGINE = MergeTree ORDER BY a");
        query("TRUNCATE TABLE http_it.ins");
        HttpResponse<String> insert = post("/?query=" + enc("INSERT INTO http_it.ins FORMAT CSV"), "1,\"x\"\n2,\"y\"\n");
        assertThat(insert.statusCode()).isEqualTo(200);
        assertThat(insert.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"written_rows\":\"2\"");
        HttpResponse<String> values = post("/?query=" + enc("INSERT INTO http_it.ins VALUES"), "(3, 'z')");
        assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
        assertThat(query("SELECT a, b FROM http_it.ins ORDER BY a")).isEqualTo("1\tx\n2\ty\n3\tz\n");
    }

    @Test
    void formatsAndDefaultFormat() {
        HttpResponse<String> json = post("/", "SELECT id, name FROM http_it.events ORDER BY id FORMAT JSONEachRow");
        assertThat(json.body()).isEqualTo("{\"id\":1,\"name\":\"one\"}\n{\"id\":2,\"name\":\"two\"}\n{\"id\":3,\"name\":\"three\"}\n");
        assertThat(json.headers().firstValue("X-ClickHouse-Format")).hasValue("JSONEachRow");
        HttpResponse<String> csv = post("/?default_format=CSVWithNames", "SELECT id, name FROM http_it.events WHERE id = 1");
        assertThat(csv.body()).isEqualTo("\"id\",\"name\"\n1,\"one\"\n");
        assertThat(csv.headers().firstValue("X-ClickHouse-Format")).hasValue("CSVWithNames");
        HttpResponse<String> header = Http.send(Http.request("/").header("X-ClickHouse-Format", "TSVWithNames")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 5 AS five")).build());
        assertThat(header.body()).isEqualTo("five\n5\n");
        HttpResponse<String> whole = post("/", "SELECT number FROM numbers(3) FORMAT JSON");
        assertThat(whole.body()).contains("\"meta\"").contains("\"rows\": 3");
    }

    @Test
    void largeResultsStreamAsOneValidOutputInEveryJoinableFormat() {
        for (String format : new String[] {"TSVWithNamesAndTypes", "CSVWithNames", "JSONCompactEachRowWithNames"}) {
            HttpResponse<String> r = post("/", "SELECT number FROM numbers(300000) FORMAT " + format);
            String[] lines = r.body().split("\n");
            int headerLines = format.endsWith("AndTypes") ? 2 : 1;
            assertThat(lines).as(format).hasSize(300000 + headerLines);
            assertThat(lines[headerLines + 299999]).as(format).contains("299999");
        }
        HttpResponse<String> json = post("/", "SELECT number FROM numbers(300000) FORMAT JSON");
        assertThat(json.body()).contains("\"rows\": 300000");
    }

    @Test
    void queryParameters() {
        HttpResponse<String> r = get("/?query=" + enc("SELECT {a:Int32} + 1, {s:String}, {arr:Array(UInt8)}")
                + "&param_a=41&param_s=" + enc("it's\\ttab") + "&param_arr=" + enc("[1,2]"));
        assertThat(r.body()).isEqualTo("42\tit\\'s\\ttab\t[1,2]\n");
        HttpResponse<String> missing = get("/?query=" + enc("SELECT {nope:Int32}"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("nope");
    }

    @Test
    void settingsAsUrlParametersApplyToOneRequestOnly() {
        assertThat(get("/?query=" + enc("SELECT getSetting('max_threads')") + "&max_threads=1").body()).isEqualTo("1\n");
        for (int i = 0; i < 20; i++) {
            assertThat(get("/?query=" + enc("SELECT getSetting('max_threads') = 1")).body()).isEqualTo("0\n");
        }
        HttpResponse<String> unknown = get("/?query=SELECT+1&no_such_setting=1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("115");
    }

    @Test
    void databaseParameterAndHeader() {
        assertThat(get("/?database=http_it&query=" + enc("SELECT count() FROM events")).body()).isEqualTo("3\n");
        HttpResponse<String> header = Http.send(Http.request("/?query=" + enc("SELECT currentDatabase()"))
                .header("X-ClickHouse-Database", "http_it").GET().build());
        assertThat(header.body()).isEqualTo("http_it\n");
        // the next sessionless request is back on the default database
        assertThat(get("/?query=" + enc("SELECT currentDatabase()")).body()).isEqualTo("default\n");
        assertThat(get("/?database=no_such_db&query=SELECT+1").statusCode()).isEqualTo(404);
    }

    @Test
    void sessionsKeepSetAndTemporaryTables() {
        String session = "&session_id=" + UUID.randomUUID();
        for (String statement : new String[] {"SET max_threads = 1", "CREATE TEMPORARY TABLE tmp (x Int32)",
                "INSERT INTO tmp VALUES (7)"}) {
            HttpResponse<String> r = post("/?query=" + enc(statement) + session, "");
            assertThat(r.statusCode()).as(statement + ": " + r.body()).isEqualTo(200);
        }
        assertThat(get("/?query=" + enc("SELECT getSetting('max_threads'), (SELECT sum(x) FROM tmp)") + session)
                .body()).isEqualTo("1\t7\n");
        // a URL setting in a session applies to that request, and the session's own SET survives it
        assertThat(get("/?query=" + enc("SELECT getSetting('max_threads')") + session + "&max_threads=3").body())
                .isEqualTo("3\n");
        assertThat(get("/?query=" + enc("SELECT getSetting('max_threads')") + session).body()).isEqualTo("1\n");
        // other requests see none of it
        assertThat(get("/?query=" + enc("SELECT sum(x) FROM tmp")).statusCode()).isEqualTo(404);
        assertThat(get("/?query=SELECT+1&session_check=1&session_id=" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(get("/?query=SELECT+1&session_timeout=99999&session_id=x").statusCode()).isEqualTo(400);
    }

    @Test
    void sessionlessSetDoesNotLeakIntoLaterRequests() {
        assertThat(post("/", "SET max_threads = 1").statusCode()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(get("/?query=" + enc("SELECT getSetting('max_threads') = 1")).body()).isEqualTo("0\n");
        }
    }

    @Test
    void getIsReadOnly() {
        HttpResponse<String> r = get("/?query=" + enc("INSERT INTO http_it.events VALUES (9, 'nine')"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
        assertThat(query("SELECT count() FROM http_it.events WHERE id = 9")).isEqualTo("0\n");
    }

    @Test
    void errorsHaveCodeStatusAndBody() {
        assertError(post("/", "SELECT * FROM no_such_table"), 404, 60, "UNKNOWN_TABLE");
        assertError(post("/", "SELEC 1"), 400, 62, "SYNTAX_ERROR");
        assertError(post("/", "SELECT no_such_function(1)"), 404, 46, "UNKNOWN_FUNCTION");
        assertError(post("/", "SELECT 1; SELECT 2"), 400, 62, "SYNTAX_ERROR");
        assertError(post("/", ""), 400, 62, "SYNTAX_ERROR");
        assertError(post("/?default_format=NoSuchFormat", "SELECT 1"), 404, 73, "UNKNOWN_FORMAT");
        assertError(post("/", "SELECT 1 FORMAT NoSuchFormat"), 404, 73, "UNKNOWN_FORMAT");
        HttpResponse<String> wrong = Http.send(Http.request("/?query=SELECT+1").setHeader("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("default:wrong".getBytes())).GET().build());
        assertError(wrong, 403, 516, "AUTHENTICATION_FAILED");
        HttpResponse<String> mixed = Http.send(Http.request("/?query=SELECT+1&user=default").GET().build());
        assertThat(mixed.statusCode()).isEqualTo(403);
        assertThat(mixed.body()).contains("one way of authentication");
        // @clickhouse/client's pattern for typed errors
        assertThat(post("/", "SELECT * FROM no_such_table").body())
                .containsPattern("(Code|Error): (\\d+).*Exception: (.+)\\(([A-Z0-9_]+)\\)");
    }

    @Test
    void errorAfterStreamingBeganIsAppendedToTheBody() {
        HttpResponse<String> r = post("/", "SELECT throwIf(number = 200000, 'boom') FROM numbers(1000000) "
                + "SETTINGS max_block_size = 1000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Code: 395.").contains("boom");
    }

    @Test
    void nativeCompressionWithVerifiedChecksums() throws IOException {
        HttpResponse<byte[]> r = Http.sendBytes(Http.request("/?compress=1&query="
                + enc("SELECT number FROM numbers(500000)")).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        String text;
        try (InputStream in = new NativeBlockInputStream(new ByteArrayInputStream(r.body()))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text.split("\n")).hasSize(500000);
        assertThat(r.body().length).isLessThan(text.length());
        byte[] corrupted = r.body().clone();
        corrupted[40] ^= 0x55;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NativeBlockInputStream(
                new ByteArrayInputStream(corrupted)).readAllBytes()).hasMessageContaining("Checksum");
    }

    @Test
    void compressedRequestBodies() throws IOException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new io.lakegate.engine.protocol.NativeBlockOutputStream(raw)) {
            out.write("SELECT 'from compressed body'".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = Http.send(Http.request("/?decompress=1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw.toByteArray())).build());
        assertThat(r.body()).isEqualTo("from compressed body\n");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("SELECT 'gzipped'".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> g = Http.send(Http.request("/").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build());
        assertThat(g.body()).isEqualTo("gzipped\n");
    }

    @Test
    void forgedCompressedBlockSizesGetClickHousesErrorNotAnAllocation() {
        // 25 bytes: a checksum, LZ4, and a compressed and decompressed size of 2 GB each
        byte[] forged = java.nio.ByteBuffer.allocate(25).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(1)
                .putLong(2).put((byte) 0x82).putInt(1 << 31).putInt(1 << 31).array();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = Http.send(Http.request("/?decompress=1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(forged)).build());
            assertThat(r.statusCode()).isBetween(400, 599);
            assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("39");
            // the name ClickHouse itself gives the code
            assertThat(r.body()).startsWith("Code: 39. DB::Exception: ")
                    .contains("(" + query("SELECT errorCodeToName(39)").strip() + ")");
        }
        assertThat(query("SELECT 1")).isEqualTo("1\n");
    }

    @Test
    void httpCompressionOfResponses() throws IOException {
        HttpResponse<byte[]> r = Http.sendBytes(Http.request("/?enable_http_compression=1&query="
                + enc("SELECT number FROM numbers(100000)")).header("Accept-Encoding", "gzip").GET().build());
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).hasSize(100000);
        }
        HttpResponse<byte[]> plain = Http.sendBytes(Http.request("/?query=SELECT+1").header("Accept-Encoding", "gzip")
                .GET().build());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void responseHeaders() {
        HttpResponse<String> r = Http.send(Http.request("/?query=SELECT+1").header("X-ClickHouse-Query-Id", "my-id")
                .GET().build());
        assertThat(r.headers().firstValue("X-ClickHouse-Query-Id")).hasValue("my-id");
        assertThat(r.headers().firstValue("X-ClickHouse-Format")).hasValue("TabSeparated");
        assertThat(r.headers().firstValue("X-ClickHouse-Timezone")).isPresent();
        assertThat(r.headers().firstValue("X-ClickHouse-Summary").orElseThrow())
                .matches("\\{(\"[a-z_]+\":\"\\d+\",?)+}");
    }

    @Test
    void badInputGetsClearErrorsAndTheServerKeepsServing() throws IOException {
        // invalid UTF-8 in the query text
        HttpResponse<String> utf = Http.send(Http.request("/").POST(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xC3, (byte) 0x28, '\''})).build());
        assertThat(utf.statusCode()).isEqualTo(400);
        assertThat(utf.body()).contains("UTF-8");
        // a huge query text
        byte[] huge = new byte[300 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> big = Http.send(Http.request("/").POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("QUERY_IS_TOO_LARGE");
        // malformed HTTP
        URI uri = URI.create(TestClickHouse.get().url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 4"), a -> assertThat(a).isEmpty());
        }
        // a client that disconnects in the middle of a large stream
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            String request = "GET /?query=" + enc("SELECT number, repeat('x', 100) FROM numbers(100000000)")
                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + TestClickHouse.get().basicAuth() + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readNBytes(1 << 20);
        }
        assertThat(query("SELECT 'still serving'")).isEqualTo("still serving\n");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    private static void assertError(HttpResponse<String> r, int status, int code, String name) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue(String.valueOf(code));
        assertThat(r.body()).startsWith("Code: " + code + ". DB::Exception: ").contains("(" + name + ")");
    }
}
