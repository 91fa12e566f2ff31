package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ClickHouse door: the official clickhouse-jdbc at default settings, raw HTTP as curl and the ODBC driver send it. */
class ClickHouseDoorIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final GatewayFixture fx = GatewayFixture.get();

    private String base() {
        return "http://127.0.0.1:" + fx.gateway.httpPort();
    }

    private Connection jdbc() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", fx.tenant.username());
        p.setProperty("password", fx.tenant.password());
        return DriverManager.getConnection("jdbc:clickhouse:" + base() + "/" + fx.settings.database(), p);
    }

    private HttpResponse<byte[]> post(String path, String sql, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(sql));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Map<String, String> basic() {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((fx.tenant.username() + ":"
                + fx.tenant.password()).getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void clickhouseJdbcRunsTheReferenceQueryWithDefaultSettings() throws Exception {
        try (Connection c = jdbc()) {
            assertThat(GatewayFixture.referenceCounts(c, GatewayFixture.REFERENCE_QUERY))
                    .isEqualTo(Map.of("Wallbox 2024-01", 2L, "Energieausweis 2024-02", 1L));
        }
    }

    @Test
    void clickhouseJdbcMetadataListsOnlyTheTenantsObjects() throws Exception {
        try (Connection c = jdbc()) {
            assertThat(c.isValid(5)).isTrue();
            DatabaseMetaData md = c.getMetaData();
            assertThat(md.getDatabaseProductVersion()).isNotBlank();
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).containsExactly(fx.settings.database());
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, "%", "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            // each of the org's twelve views by its full name and by its short name
            assertThat(tables).hasSize(24).allMatch(t -> t.startsWith(GatewayFixture.ORG + "_")
                    || tables.contains(GatewayFixture.ORG + "_" + t)).contains("entity_operations");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, fx.settings.database(), "%", "%")) {
                while (rs.next()) {
                    assertThat(rs.getString("TABLE_NAME")).isIn(tables);
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertThat(columns).contains("timestamp", "entity_id", "_title");
            try (ResultSet rs = md.getTypeInfo()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void preparedStatementsAndErrorsWithCodes() throws Exception {
        try (Connection c = jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT count() FROM entity_operations WHERE schema = ? AND operation = ?")) {
            ps.setString(1, "opportunity");
            ps.setString(2, "createEntity");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM `" + GatewayFixture.NEIGHBOUR
                        + "_entity_operations`")).hasMessageContaining("does not exist in your catalog");
                assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM entity_operations"))
                        .hasMessageContaining("nope");
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM system.query_log"))
                        .hasMessageContaining("not available");
            }
        }
        HttpResponse<byte[]> unknown = post("/", "SELECT * FROM nowhere", basic());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("60");
        assertThat(text(unknown)).startsWith("Code: 60. DB::Exception: Table nowhere does not exist");
        HttpResponse<byte[]> drop = post("/", "DROP TABLE entity_operations", basic());
        assertThat(drop.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> wrong = post("/", "SELECT 1", Map.of("X-ClickHouse-User", fx.tenant.username(),
                "X-ClickHouse-Key", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("516");
        HttpResponse<byte[]> none = post("/", "SELECT 1", Map.of());
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    void everyLoginStyleAndOutputFormatWorks() throws Exception {
        String q = "SELECT entity_id, timestamp FROM current_entities_final ORDER BY entity_id";
        assertThat(text(post("/", q + " FORMAT CSV", basic()))).contains("\"e1\"").doesNotContain("e2");
        assertThat(text(post("/", q, Map.of("X-ClickHouse-User", fx.tenant.username(), "X-ClickHouse-Key",
                fx.tenant.password(), "X-ClickHouse-Format", "JSONEachRow")))).contains("{\"entity_id\":\"e1\"");
        String url = "/?user=" + fx.tenant.username() + "&password=" + fx.tenant.password()
                + "&default_format=JSONCompact";
        assertThat(text(post(url, q, Map.of()))).contains("\"data\"");
        for (String format : List.of("TabSeparatedWithNamesAndTypes", "CSVWithNames", "JSON", "Parquet", "Native",
                "RowBinaryWithNamesAndTypes", "ODBCDriver2")) {
            HttpResponse<byte[]> r = post("/", q + " FORMAT " + format, basic());
            assertThat(r.statusCode()).as(format).isEqualTo(200);
            assertThat(r.headers().firstValue("X-ClickHouse-Format")).as(format).hasValue(format);
            assertThat(r.body().length).as(format).isGreaterThan(0);
        }
        HttpResponse<byte[]> gz = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                        + "/?enable_http_compression=1")).header("Accept-Encoding", "gzip").headers(
                        "Authorization", basic().get("Authorization"))
                .POST(HttpRequest.BodyPublishers.ofString(q)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("e1");
        }
        HttpResponse<byte[]> param = post("/?param_id=e1", "SELECT count() FROM entity_operations WHERE entity_id = "
                + "{id:String}", basic());
        assertThat(text(param).strip()).isEqualTo("2");
    }

    @Test
    void harmlessSystemTablesAreReadable() throws Exception {
        HttpResponse<byte[]> r = post("/", "SELECT name FROM system.settings WHERE name = 'max_threads'", basic());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r).strip()).isEqualTo("max_threads");
    }

    @Test
    void catalogQueriesDoNotShowTheServersPaths() throws Exception {
        assertThat(text(post("/", "SELECT name FROM system.databases", basic())).strip())
                .isEqualTo(fx.settings.database());
        for (String sql : List.of("SELECT * FROM system.databases", "SELECT data_path FROM system.databases",
                "SELECT d.metadata_path FROM system.databases AS d", "SELECT name, data_paths FROM system.tables",
                "SELECT t.* FROM system.tables AS t")) {
            HttpResponse<byte[]> r = post("/", sql, basic());
            assertThat(r.statusCode()).as(sql).isNotEqualTo(200);
            assertThat(text(r)).as(sql).contains("describe").doesNotContain("/store/").doesNotContain("/metadata/");
        }
    }

    @Test
    void catalogStatementsAnswerWithTheTenantsObjectsOnly() throws Exception {
        String tables = text(post("/", "SELECT name FROM system.tables ORDER BY name", basic()));
        // each of the org's twelve views by its full name and by its short name
        List<String> names = List.of(tables.strip().split("\n"));
        assertThat(names).hasSize(24).allMatch(t -> t.startsWith(GatewayFixture.ORG + "_")
                || names.contains(GatewayFixture.ORG + "_" + t)).contains("entity_operations");
        assertThat(text(post("/", "SHOW TABLES", basic()))).doesNotContain(GatewayFixture.NEIGHBOUR)
                .contains(GatewayFixture.ORG + "_entity_operations");
        assertThat(text(post("/", "SHOW DATABASES", basic())).strip()).isEqualTo(fx.settings.database());
        assertThat(text(post("/", "DESCRIBE TABLE entity_operations", basic()))).contains("timestamp\tDateTime");
        assertThat(text(post("/", "EXISTS TABLE entity_operations", basic())).strip()).isEqualTo("1");
        assertThat(text(post("/", "EXISTS TABLE `" + GatewayFixture.NEIGHBOUR + "_entity_operations`", basic()))
                .strip()).isEqualTo("0");
        assertThat(text(post("/", "SELECT count() FROM system.columns WHERE table LIKE '%"
                + GatewayFixture.NEIGHBOUR + "%'", basic())).strip()).isEqualTo("0");
        assertThat(post("/", "SELECT * FROM (SELECT name FROM system.tables SETTINGS additional_table_filters = {})",
                basic()).statusCode()).isEqualTo(403);
        assertThat(post("/", "SELECT name FROM system.tables WHERE name IN (SELECT entity_id FROM "
                + "`" + GatewayFixture.NEIGHBOUR + "_entity_operations`)", basic()).statusCode()).isEqualTo(403);
    }

    @Test
    void aResultOverTheByteLimitEndsWithAnErrorNamingIt() throws Exception {
        // 100 MB in one block, which ClickHouse's own max_result_bytes does not stop; the tenant limit is 64 MB
        HttpResponse<byte[]> r = post("/", "SELECT arrayJoin(arrayWithConstant(100000, repeat('x', 1000))) AS pad",
                basic());
        assertThat(r.statusCode()).isEqualTo(200); // streaming had begun: ClickHouse's way is an error at the end
        assertThat((long) r.body().length).isLessThan(GatewayFixture.LIMITS.maxResultBytes() + 64 * 1024);
        String tail = new String(r.body(), Math.max(0, r.body().length - 2000), Math.min(2000, r.body().length),
                StandardCharsets.UTF_8);
        assertThat(tail).contains("Code: 396", "max_result_bytes (" + GatewayFixture.LIMITS.maxResultBytes() + ")");
    }

    @Test
    void aCompressedResultOverTheByteLimitIsCountedUncompressedAndEndsWithTheErrorInABlock() throws Exception {
        // ClickHouse's compressed blocks pass through the gateway; 100 MB of 'x' compress to far below the limit
        HttpResponse<byte[]> r = post("/?compress=1", "SELECT arrayJoin(arrayWithConstant(100000, repeat('x', "
                + "1000))) AS pad", basic());
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] raw;
        try (InputStream in = new io.lakegate.engine.protocol.NativeBlockInputStream(
                new java.io.ByteArrayInputStream(r.body()))) {
            raw = in.readAllBytes();
        }
        assertThat((long) r.body().length).isLessThan(raw.length / 10);
        assertThat((long) raw.length).isLessThan(GatewayFixture.LIMITS.maxResultBytes() + 64 * 1024);
        String tail = new String(raw, Math.max(0, raw.length - 2000), Math.min(2000, raw.length),
                StandardCharsets.UTF_8);
        assertThat(tail).contains("Code: 396", "max_result_bytes (" + GatewayFixture.LIMITS.maxResultBytes() + ")");
    }

    @Test
    void settingValuesAreValuesNotSqlThatAddsOrHidesSettings() throws Exception {
        // a value that smuggles in a setting the tenant may not choose (visible in the output)
        String nullAs = "format_tsv_null_representation = 'SMUGGLED'";
        HttpResponse<byte[]> url = post("/?max_threads=" + java.net.URLEncoder.encode("1, " + nullAs,
                StandardCharsets.UTF_8), "SELECT nullIf('a', 'a') AS x", basic());
        assertThat(text(url).strip()).isNotEqualTo("SMUGGLED"); // (an error may quote the value)
        HttpResponse<byte[]> inQuery = post("/", "SELECT nullIf('a', 'a') AS x SETTINGS max_threads = `1, " + nullAs + "`",
                basic());
        assertThat(inQuery.statusCode()).as(text(inQuery)).isEqualTo(400);
        assertThat(text(inQuery)).contains("not a valid value");
        // a value ending in a comment would hide the tenant limits that follow it in the SETTINGS clause
        assertThat(post("/", "SELECT 1 SETTINGS max_threads = `1 --`", basic()).statusCode()).isEqualTo(400);
        // the same SETTINGS clause through the JDBC door
        try (Connection c = fx.connect(fx.tenant); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT nullIf('a', 'a') AS x SETTINGS max_threads = `1, " + nullAs + "`")
                    .close()).hasMessageContaining("not a valid value");
        }
        // plain values still work, in the URL and in the query
        assertThat(text(post("/?max_threads=2&session_timezone=Europe/Berlin", "SELECT count() FROM "
                + "entity_operations SETTINGS date_time_output_format = 'iso', max_threads = 1", basic())).strip())
                .isEqualTo("6");
    }

    @Test
    void identifierParametersCannotNameTablesOutsideTheTenantsViews() throws Exception {
        // a table in the gateway account's current database, which no tenant is given
        try (Connection c = fx.target.connect("default"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS default.door_secret (v String) ENGINE = MergeTree ORDER BY v");
            s.execute("INSERT INTO default.door_secret VALUES ('" + GatewayFixture.NEIGHBOUR_MARKER + "')");
        }
        HttpResponse<byte[]> r = post("/?param_t=door_secret", "SELECT '" + GatewayFixture.NEIGHBOUR_MARKER
                + "' IN ({t:Identifier}) AS leaked", basic());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(403);
        assertThat(text(r)).contains("Identifier");
        // value parameters are untouched
        assertThat(text(post("/?param_id=e1", "SELECT count() FROM entity_operations WHERE entity_id = {id:String}",
                basic())).strip()).isEqualTo("2");
    }

    @Test
    void theOdbcDriversRequestsAreAnsweredInOdbcDriver2() throws Exception {
        String sqlTables = "SELECT CAST(database, 'Nullable(String)') AS TABLE_CAT, CAST(NULL, 'Nullable(String)') AS "
                + "TABLE_SCHEM, CAST(name, 'Nullable(String)') AS TABLE_NAME, CAST('TABLE', 'Nullable(String)') AS "
                + "TABLE_TYPE, CAST(NULL, 'Nullable(String)') AS REMARKS FROM system.tables WHERE (1 == 1) AND "
                + "isNotNull(TABLE_CAT) AND coalesce(TABLE_CAT, '') LIKE '" + fx.settings.database() + "' AND "
                + "isNotNull(TABLE_NAME) AND coalesce(TABLE_NAME, '') LIKE '%' ORDER BY TABLE_TYPE, TABLE_CAT, "
                + "TABLE_SCHEM, TABLE_NAME";
        String url = "/query?database=" + fx.settings.database() + "&default_format=ODBCDriver2"
                + "&enable_http_compression=1&cast_keep_nullable=1&prefer_column_name_to_alias=1";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + url))
                .header("Authorization", basic().get("Authorization"))
                .header("User-Agent", "PowerBi/2.0 clickhouse-odbc/1.5.0")
                .header("Accept-Encoding", "none")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        sqlTables.getBytes(StandardCharsets.UTF_8)))) // unknown length: sent chunked
                .build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-ClickHouse-Format")).hasValue("ODBCDriver2");
        List<List<String>> rows = odbcDriver2(r.body());
        assertThat(rows.get(0)).containsExactly("name", "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
                "REMARKS");
        List<String> names = rows.subList(2, rows.size()).stream().map(row -> row.get(2)).toList();
        assertThat(names).hasSize(24).allMatch(n -> n.startsWith(GatewayFixture.ORG + "_")
                || names.contains(GatewayFixture.ORG + "_" + n)).contains("current_entities_final");
        // SQLTables listing catalogs (databases), SQLColumns, the server version: the driver's own statements
        List<List<String>> databases = odbcDriver2(post(url, "SELECT CAST(name, 'Nullable(String)') AS TABLE_CAT, "
                + "CAST(NULL, 'Nullable(String)') AS TABLE_SCHEM, CAST(NULL, 'Nullable(String)') AS TABLE_NAME, "
                + "CAST(NULL, 'Nullable(String)') AS TABLE_TYPE, CAST(NULL, 'Nullable(String)') AS REMARKS FROM "
                + "system.databases ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME", basic()).body());
        assertThat(databases.subList(2, databases.size())).extracting(row -> row.get(0))
                .containsExactly(fx.settings.database());
        String sqlColumns = "SELECT toNullable(database) AS TABLE_CAT, toNullable('') AS TABLE_SCHEM, table AS "
                + "TABLE_NAME, name AS COLUMN_NAME, toInt16(0) AS DATA_TYPE, type AS TYPE_NAME, toNullable(toInt32(0)) "
                + "AS COLUMN_SIZE, toNullable(toInt32(0)) AS BUFFER_LENGTH, toNullable(toInt16(0)) AS DECIMAL_DIGITS, "
                + "toNullable(toInt16(0)) AS NUM_PREC_RADIX, toInt16(0) AS NULLABLE, toNullable('') AS REMARKS, "
                + "toNullable('') AS COLUMN_DEF, toInt16(0) AS SQL_DATA_TYPE, toNullable(toInt16(0)) AS "
                + "SQL_DATETIME_SUB, toNullable(toInt32(0)) AS CHAR_OCTET_LENGTH, toInt32(0) AS ORDINAL_POSITION, "
                + "toNullable('') AS IS_NULLABLE FROM system.columns WHERE (1 == 1) AND isNotNull(TABLE_CAT) AND "
                + "coalesce(TABLE_CAT, '') LIKE '" + fx.settings.database() + "' AND isNotNull(TABLE_NAME) AND "
                + "coalesce(TABLE_NAME, '') LIKE '%' ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION";
        List<List<String>> columns = odbcDriver2(post(url, sqlColumns, basic()).body());
        assertThat(columns.subList(2, columns.size())).isNotEmpty().allMatch(row -> names.contains(row.get(2)));
        assertThat(odbcDriver2(post(url, "select version()", basic()).body()).get(2).get(0)).isNotBlank();
        String withParam = "SELECT count() AS n FROM entity_operations WHERE schema = {p1:String}";
        HttpResponse<byte[]> p = post(url + "&param_p1=opportunity", withParam, basic());
        List<List<String>> counted = odbcDriver2(p.body());
        assertThat(counted.get(counted.size() - 1)).containsExactly("5");
    }

    /** Decodes ODBCDriver2: header rows (count, label, values), then data rows, every value length-prefixed. */
    static List<List<String>> odbcDriver2(byte[] body) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        List<List<String>> rows = new ArrayList<>();
        int headerRows = in.getInt();
        int columns = 0;
        for (int h = 0; h < headerRows; h++) {
            int count = in.getInt();
            columns = count - 1;
            List<String> row = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                row.add(value(in));
            }
            rows.add(row);
        }
        while (in.hasRemaining()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                row.add(value(in));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String value(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theAdversarialCorpusFindsNothingOfTheNeighbourHereEither() throws Exception {
        for (String sql : AdversarialQueriesIT.corpus().toList()) {
            HttpResponse<byte[]> r = post("/", sql, basic());
            String body = text(r);
            assertThat(body).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR_MARKER).doesNotContain("\tat ");
            if (r.statusCode() == 200) {
                // rows: nothing named after the neighbour (an error may quote the name the tenant wrote)
                assertThat(body).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR + "_");
            } else {
                assertThat(body).as(sql).startsWith("Code: ");
            }
            assertThat(text(post("/", "SELECT count() FROM entity_operations", basic())).strip()).as(sql)
                    .isEqualTo("6");
        }
    }
}
