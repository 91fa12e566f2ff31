package io.lakegate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.proxy.credentials.ConnectionInfo;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.gateway.AuditTable;
import io.lakegate.proxy.gateway.Gateway;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.data.DataGenerator;
import io.lakegate.schema.data.GeneratorSettings;
import io.lakegate.schema.data.Progress;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code lakegate demo}: everything on one machine in one command. The embedded engine (or a server), the changelogs,
 * a few demo orgs with realistic data, credentials for two of them, and the gateway's two doors; prints how to connect
 * DataGrip, Power BI and curl, and writes the same to {@code DIR/connections.json}. Running it again on the same
 * directory keeps the data and the credentials.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a complete lakegate on this machine: the embedded ClickHouse engine in --data (or the server "
                + "of --clickhouse-url), the changelogs applied, --orgs demo orgs (16581729 first) filled with "
                + "realistic data (as `lakegate generate` makes it), credentials for two of them, and the gateway "
                + "with its JDBC door (Avatica) and its ClickHouse door (HTTP).",
                "Prints how to connect DataGrip (ClickHouse or Avatica driver), Power BI (ODBC) and curl, and writes "
                + "the same to DIR/" + DemoCommand.CONNECTIONS_FILE + " (readable only by you). Running it again on "
                + "the same directory keeps the data and the credentials. Ctrl-C stops it."})
final class DemoCommand implements Callable<Integer> {
    static final String FIRST_ORG = "16581729";
    static final long SEED = 42;
    static final int TENANTS = 2;
    static final int MAX_ORGS = 1000;
    static final String CONNECTIONS_FILE = "connections.json";
    /** Which orgs have had their data generated completely, at which scale. */
    static final String GENERATED_FILE = "demo-generated.json";
    /** Tables every generated org has rows in, whatever the scale. */
    static final List<String> REQUIRED_TABLES = List.of("entity_operations", "workflow_executions",
            "journey_sessions", "portal_sessions");
    static final String LABEL = "lakegate demo";

    @Option(names = "--orgs", paramLabel = "N", defaultValue = "3",
            description = "How many demo orgs: 16581729, then eight-digit ids derived from a fixed seed, the same on "
                    + "every run (default: ${DEFAULT-VALUE}).")
    int orgCount;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "Data volume per org, as for `lakegate generate`: 1 = about 100,000 rows per org "
                    + "(default: ${DEFAULT-VALUE}). Generated once: a re-run keeps the data that is there.")
    double scale;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address the gateway's doors listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--avatica-port", paramLabel = "PORT", defaultValue = "8765",
            description = "Port of the JDBC door (Avatica) (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int avaticaPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8123",
            description = "Port of the ClickHouse door (HTTP: DataGrip's ClickHouse driver, Power BI over ODBC, curl) "
                    + "(default: ${DEFAULT-VALUE}; 0 for any free port, -1 turns it off).")
    int httpPort;

    @Mixin
    AdminOptions admin;

    @Mixin
    ResultCacheOptions cache;

    @Mixin
    ProgressOption progress;

    @Mixin
    ClickHouseOptions ch;

    private final ObjectMapper json = new ObjectMapper();
    private AdminOptions.Admin adminPort;

    @Override
    public Integer call() throws Exception {
        validate();
        adminPort = admin.resolve(shownHost(host));
        List<OrgId> orgs = demoOrgs(orgCount);
        // validates --scale before anything starts
        new GeneratorSettings(orgs, scale, SEED, GeneratorSettings.DEFAULT_FROM, GeneratorSettings.DEFAULT_TO, 1);
        SchemaSettings settings = ch.settings();
        Path dir = ch.embedded.data.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the directory " + dir + " (" + e.getMessage()
                    + "): choose a writable one with --data");
        }
        PrintStream out = System.out;
        Stopper stopper = new Stopper();
        boolean remote = ch.url != null && !ch.url.isBlank();
        ClickHouseTarget target;
        if (remote) {
            target = ClickHouseTarget.remote(ch.url, ch.user, ch.password);
            Runtime.getRuntime().addShutdownHook(new Thread(stopper::stop, "lakegate-demo-stop"));
        } else {
            EmbeddedClickHouse engine = ch.embedded.start();
            target = ClickHouseTarget.embedded(engine);
            // runs before the engine stops, and before its endpoint closes (registered earlier, runs later)
            engine.beforeShutdown(stopper::stop);
            out.println("lakegate demo: ClickHouse " + engine.version() + " (embedded), data in " + engine.dataDir());
        }
        try {
            return run(out, target, settings, orgs, dir, remote, stopper);
        } catch (Exception e) {
            if (stopper.stopping()) {
                System.err.println("lakegate demo: stopped.");
                return 130;
            }
            throw e;
        }
    }

    private int run(PrintStream out, ClickHouseTarget target, SchemaSettings settings, List<OrgId> orgs, Path dir,
                    boolean remote, Stopper stopper) throws Exception {
        if (remote) {
            out.println("lakegate demo: on ClickHouse " + target.url() + ", files in " + dir);
        }
        // Liquibase's console progress would bury the demo's own output
        SchemaManager.UpdateResult update = Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                () -> new SchemaManager(target, settings).update());
        out.println("Schema of " + settings.database() + " is up to date: " + update.changeSetsApplied()
                + " changeset(s) applied.");
        List<IssuedCredential> tenants;
        try (Connection c = target.connect(settings.database())) {
            int provisioned = new OrgProvisioner(c, settings, null).add(orgs);
            out.println("Demo orgs: " + orgs.stream().map(OrgId::value).collect(Collectors.joining(", ")) + " ("
                    + provisioned + " newly provisioned).");
            generate(out, c, target, settings, orgs, dir, stopper);
            tenants = credentials(out, target, settings, orgs.subList(0, Math.min(TENANTS, orgs.size())), dir);
        }
        String shownHost = shownHost(host);
        Gateway gateway;
        try {
            gateway = Gateway.start(target, settings, new Gateway.Options(host, avaticaPort, httpPort, -1, null,
                    TenantLimits.DEFAULTS, adminPort.gateway(), AuditTable.Settings.DEFAULTS, cache.resolve()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the gateway on " + host + ": " + e.getMessage()
                    + ". Is another lakegate running? Choose other ports with --avatica-port, --http-port and "
                    + "--admin-port.", e);
        }
        stopper.attach(gateway, dir);
        int http = gateway.httpPort();
        List<ConnectionInfo> connected = tenants.stream().map(t -> new ConnectionInfo(t, shownHost,
                gateway.avaticaPort(), http, settings.database())).toList();
        String adminUrl = gateway.adminPort() < 0 ? null : "http://" + shownHost + ":" + gateway.adminPort();
        if (adminUrl != null) {
            adminPort.record(dir, adminUrl);
        }
        Path file = writeConnections(dir, target, connected, http >= 0, adminUrl, adminPort.localToken());
        GatewayAddress.of(shownHost, gateway.avaticaPort(), http).publish(dir);
        print(out, connected, http >= 0, file, adminUrl);
        stopper.await();
        return 0;
    }

    private void validate() {
        if (orgCount < 1 || orgCount > MAX_ORGS) {
            throw new IllegalArgumentException("--orgs must be between 1 and " + MAX_ORGS + " (how many demo orgs), "
                    + "not " + orgCount);
        }
        if (!(scale > 0) || scale > 100_000) {
            throw new IllegalArgumentException("--scale must be a number above 0 (1 = about "
                    + GeneratorSettings.ROWS_PER_ORG_AT_SCALE_1 + " rows per org) and at most 100000, not " + scale);
        }
        if (avaticaPort < 0 || avaticaPort > 65535) {
            throw new IllegalArgumentException("--avatica-port " + avaticaPort + " is not a TCP port: give 1-65535, "
                    + "or 0 for any free port");
        }
        if (httpPort < -1 || httpPort > 65535) {
            throw new IllegalArgumentException("--http-port " + httpPort + " is not a TCP port: give 1-65535, 0 for "
                    + "any free port, or -1 to turn the ClickHouse door off");
        }
        if (avaticaPort > 0 && avaticaPort == httpPort) {
            throw new IllegalArgumentException("--avatica-port and --http-port are both " + httpPort
                    + ": the two doors need different ports");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty: give an address, e.g. 127.0.0.1");
        }
    }

    /** 16581729 (the org of the data model's examples), then eight-digit ids derived from the fixed seed. */
    static List<OrgId> demoOrgs(int count) {
        List<OrgId> orgs = new ArrayList<>();
        orgs.add(new OrgId(FIRST_ORG));
        for (OrgId id : GeneratorSettings.orgIds(SEED, count)) {
            if (orgs.size() < count && !id.value().equals(FIRST_ORG)) {
                orgs.add(id);
            }
        }
        return orgs;
    }

    /**
     * Generates the data of the orgs that do not have it yet: an org counts as done when an earlier run recorded its
     * generation as finished and its rows are still there. Generating again is harmless (the same rows, which the
     * tables deduplicate), so an interrupted generation is simply redone.
     */
    private void generate(PrintStream out, Connection c, ClickHouseTarget target, SchemaSettings settings,
                          List<OrgId> orgs, Path dir, Stopper stopper) throws Exception {
        DataGenerator.requireTables(c, settings.database());
        Map<String, Double> finished = readGenerated(dir);
        Set<String> withRows = orgsWithRows(c, settings.database(), orgs);
        List<OrgId> done = orgs.stream().filter(o -> finished.containsKey(o.value()) && withRows.contains(o.value()))
                .toList();
        List<OrgId> missing = orgs.stream().filter(o -> !done.contains(o)).toList();
        List<OrgId> unfinished = missing.stream().filter(o -> withRows.contains(o.value())).toList();
        if (!unfinished.isEmpty()) {
            out.println("The generation of org(s) " + names(unfinished) + " did not finish on an earlier run: "
                    + "generating it again (the same rows; the views show each once).");
        }
        if (!done.isEmpty()) {
            Set<Double> scales = done.stream().map(o -> finished.get(o.value())).collect(Collectors.toSet());
            out.println("Data already there for " + (missing.isEmpty() ? "every demo org" : "org(s) " + names(done))
                    + " (generated at --scale " + scales.stream().map(DemoCommand::number)
                    .collect(Collectors.joining(", ")) + "): kept, not generated again."
                    + (scales.equals(Set.of(scale)) ? "" : " Use a new --data directory for another scale."));
        }
        if (missing.isEmpty()) {
            return;
        }
        GeneratorSettings generator = new GeneratorSettings(missing, scale, SEED, GeneratorSettings.DEFAULT_FROM,
                GeneratorSettings.DEFAULT_TO, Runtime.getRuntime().availableProcessors());
        out.println("Generating about " + String.format("%,d", generator.estimatedRows()) + " rows for org(s) "
                + names(missing) + " ...");
        out.flush();
        stopper.whileStopping("lakegate demo: interrupted while generating the data of org(s) " + names(missing)
                + "; the next `lakegate demo` generates it again.");
        DataGenerator.Result r = new DataGenerator(target, settings, generator).run(() -> progress.enabled()
                ? Progress.bar("generate", generator.estimatedRows(), " rows", 1, System.err) : Progress.none());
        for (Map.Entry<String, Long> e : r.rowsPerTable().entrySet()) {
            out.printf("  %-24s %,12d rows%n", e.getKey(), e.getValue());
        }
        stopper.whileStopping(null);
        out.printf("Generated %,d rows in %.1f s.%n", r.rows(), r.millis() / 1000.0);
        Map<String, Double> now = new LinkedHashMap<>(finished);
        missing.forEach(o -> now.put(o.value(), scale));
        ObjectNode marker = json.createObjectNode();
        marker.put("seed", SEED);
        ObjectNode perOrg = marker.putObject("orgs");
        now.forEach((org, s) -> perOrg.put(org, s));
        writePrivate(dir.resolve(GENERATED_FILE), json.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
    }

    private Map<String, Double> readGenerated(Path dir) {
        Map<String, Double> result = new LinkedHashMap<>();
        Optional<JsonNode> marker = readJson(dir.resolve(GENERATED_FILE));
        if (marker.isPresent() && marker.get().path("seed").asLong(-1) == SEED) {
            marker.get().path("orgs").properties().forEach(e -> result.put(e.getKey(), e.getValue().asDouble()));
        }
        return result;
    }

    /** The orgs that have rows in each of {@link #REQUIRED_TABLES}. */
    private static Set<String> orgsWithRows(Connection c, String database, List<OrgId> orgs) throws SQLException {
        Set<String> result = null;
        String in = orgs.stream().map(o -> "?").collect(Collectors.joining(", "));
        for (String table : REQUIRED_TABLES) {
            Set<String> present = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT org_id FROM `" + database + "`.`" + table
                    + "` WHERE org_id IN (" + in + ")")) {
                for (int i = 0; i < orgs.size(); i++) {
                    ps.setString(i + 1, orgs.get(i).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
            }
            if (result == null) {
                result = present;
            } else {
                result.retainAll(present);
            }
        }
        return result;
    }

    /**
     * The demo credentials: those of the last run when they still log in (read back from connections.json and checked
     * against the store), new ones otherwise.
     */
    private List<IssuedCredential> credentials(PrintStream out, ClickHouseTarget target, SchemaSettings settings,
                                             List<OrgId> orgs, Path dir) throws SQLException {
        CredentialStore store = new CredentialStore(target.dataSource(settings.database()), settings);
        Map<String, IssuedCredential> previous = new HashMap<>();
        Optional<JsonNode> file = readJson(dir.resolve(CONNECTIONS_FILE));
        if (file.isPresent() && settings.database().equals(file.get().path("database").asText())) {
            for (JsonNode t : file.get().path("tenants")) {
                String org = t.path("org_id").asText();
                String username = t.path("username").asText();
                String password = t.path("password").asText();
                if (!previous.containsKey(org) && !username.isEmpty()
                        && store.verify(username, password).filter(org::equals).isPresent()) {
                    previous.put(org, new IssuedCredential(username, password, org, LABEL));
                }
            }
        }
        List<IssuedCredential> result = new ArrayList<>();
        int reused = 0;
        for (OrgId org : orgs) {
            IssuedCredential credential = previous.get(org.value());
            if (credential == null) {
                credential = store.create(org, LABEL);
            } else {
                reused++;
            }
            result.add(credential);
        }
        out.println("Credentials for org(s) " + names(orgs) + ": " + (reused == orgs.size() ? "the same as last time"
                : reused == 0 ? "issued" : reused + " kept, " + (orgs.size() - reused) + " issued") + ".");
        return result;
    }

    private Path writeConnections(Path dir, ClickHouseTarget target, List<ConnectionInfo> tenants,
                                  boolean clickhouseDoor, String adminUrl, String adminToken) throws IOException {
        ConnectionInfo any = tenants.get(0);
        ObjectNode root = json.createObjectNode();
        root.put("engine_url", target.url());
        // the operator's own way into the lake, to compare a tenant's answer with it: this file is mode 600
        root.put("engine_user", target.credentials().getProperty("user"));
        root.put("engine_password", target.credentials().getProperty("password"));
        root.put("admin_url", adminUrl);
        root.put("admin_token", adminUrl == null ? null : adminToken);
        if (clickhouseDoor) {
            root.put("clickhouse_url", "http://" + any.host() + ":" + any.httpPort());
            root.put("clickhouse_jdbc_url", any.clickhouseJdbcUrl());
        } else {
            root.putNull("clickhouse_url");
            root.putNull("clickhouse_jdbc_url");
        }
        root.put("avatica_url", any.avaticaJdbcUrl());
        root.put("database", any.database());
        ArrayNode list = root.putArray("tenants");
        for (ConnectionInfo t : tenants) {
            ObjectNode tenant = list.addObject();
            tenant.put("org_id", t.credential().orgId());
            tenant.put("username", t.credential().username());
            tenant.put("password", t.credential().password());
            if (clickhouseDoor) {
                tenant.put("odbc_connection_string", t.odbcConnectionString());
                tenant.put("curl", curl(t));
            }
        }
        Path file = dir.resolve(CONNECTIONS_FILE);
        writePrivate(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        return file;
    }

    private static void print(PrintStream out, List<ConnectionInfo> tenants, boolean clickhouseDoor, Path file,
                              String adminUrl) {
        ConnectionInfo any = tenants.get(0);
        out.println();
        out.println("lakegate demo is running. The gateway's doors:");
        out.println("  JDBC (Avatica):   " + any.avaticaJdbcUrl());
        out.println("  ClickHouse HTTP:  " + (clickhouseDoor ? "http://" + any.host() + ":" + any.httpPort()
                : "off (--http-port -1, or this build's gateway has no ClickHouse door yet)"));
        out.println("  Admin API:        " + (adminUrl == null ? "off (--admin-port -1)" : adminUrl + "/api/orgs "
                + "(Authorization: Bearer, admin_token in " + file + "; metrics " + adminUrl + "/metrics)"));
        for (ConnectionInfo t : tenants) {
            IssuedCredential cred = t.credential();
            out.println();
            out.println("Tenant org " + cred.orgId() + ": user " + cred.username() + ", password " + cred.password());
            if (clickhouseDoor) {
                out.println("  DataGrip, ClickHouse driver: " + t.clickhouseJdbcUrl() + " (User & Password: the above)");
            }
            out.println("  DataGrip, Avatica driver:    " + t.avaticaJdbcUrl()
                    + " (user and password, or avatica_user / avatica_password: the above)");
            if (clickhouseDoor) {
                out.println("  Power BI (ODBC):             " + t.odbcConnectionString());
                out.println("  curl:                        " + curl(t));
            }
        }
        out.println();
        out.println("The same is in " + file + " (readable only by you). Guides: examples/datagrip.md, "
                + "examples/powerbi.md.");
        out.println("Press Ctrl-C to stop; the data and the credentials stay for the next `lakegate demo`.");
        out.flush();
    }

    static String curl(ConnectionInfo t) {
        return "curl -u " + t.credential().username() + ":" + t.credential().password() + " 'http://" + t.host() + ":"
                + t.httpPort() + "/?query=SELECT+count()+FROM+entity_operations'";
    }

    /** The address clients use: loopback when the doors listen on every interface. */
    static String shownHost(String host) {
        String h = host.trim();
        if (h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
            return "127.0.0.1";
        }
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private Optional<JsonNode> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(file.toFile()));
        } catch (IOException e) {
            System.out.println("Ignoring " + file + ": it is not readable JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + ").");
            return Optional.empty();
        }
    }

    /** Replaces {@code file} atomically with {@code content}, readable and writable only by its owner (POSIX 600). */
    static void writePrivate(Path file, String content) throws IOException {
        Path dir = file.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot write in " + dir + ": permission denied; choose another --data");
        }
        try {
            Files.writeString(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String names(List<OrgId> orgs) {
        return orgs.stream().map(OrgId::value).collect(Collectors.joining(", "));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Stops the gateway on Ctrl-C (before the engine stops) and lets the command return. */
    static final class Stopper {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private Gateway gateway;
        private Path dir;
        private boolean stopping;
        private String interrupted;

        /**
         * What to say if Ctrl-C comes now (null: nothing). Said from the shutdown hook: the main thread's own report
         * may never print, since the JVM stops once the hooks are done.
         */
        synchronized void whileStopping(String message) {
            interrupted = message;
        }

        synchronized void attach(Gateway g, Path dir) throws Exception {
            if (stopping) {
                g.close();
            } else {
                gateway = g;
                this.dir = dir;
            }
        }

        synchronized boolean stopping() {
            return stopping;
        }

        void stop() {
            synchronized (this) {
                stopping = true;
                if (interrupted != null) {
                    System.err.println();
                    System.err.println(interrupted);
                    interrupted = null;
                }
                if (gateway != null) {
                    RunningGateway.remove(dir);
                    try {
                        gateway.close();
                    } catch (Exception e) {
                        System.err.println("lakegate demo: stopping the gateway: " + e.getMessage());
                    }
                    gateway = null;
                    System.err.println("lakegate demo: stopped; the data and the credentials stay for the next run.");
                }
            }
            stopped.countDown();
        }

        void await() throws InterruptedException {
            stopped.await();
        }
    }
}
