package io.lakegate.app;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The files in {@code docker/} (no Docker engine needed): the images, ports, dependencies and cluster configuration
 * they name, and that every lakegate command line in them is one the {@code lakegate} command accepts.
 */
class DockerFilesTest {
    static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
    static final String JAR = "/opt/lakegate/lakegate.jar";
    static final String CLICKHOUSE = "clickhouse/clickhouse-server:25.8";

    /**
     * Commands another engineer is writing now: their command lines here are skipped (reported as skipped, never
     * passed) until they are registered in {@link Lakegate}, then checked like every other. Empty: `serve` and `demo`
     * are registered.
     */
    static final Set<String> BEING_WRITTEN = Set.of();

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(DOCKER.resolve(file))) {
            return new Yaml().load(r);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).as("services").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> service, String key) {
        return ((List<Object>) service.get(key)).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static String dependency(Map<String, Object> service, String on) {
        Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
        assertThat(dependsOn).as("depends_on").containsKey(on);
        return String.valueOf(((Map<String, Object>) dependsOn.get(on)).get("condition"));
    }

    /** Every lakegate command line of the docker files: the services built from the Dockerfile, its CMD, the README. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> lakegateCommandLines() throws IOException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
            Map<String, Object> services = (Map<String, Object>) yaml(file).get("services");
            services.forEach((name, s) -> {
                Map<String, Object> service = (Map<String, Object>) s;
                if ("lakegate:local".equals(service.get("image"))) {
                    lines.put(file + " " + name, list(service, "command"));
                }
            });
        }
        lines.put("Dockerfile CMD", execForm(dockerfile(), "CMD"));
        // the README's example lines `docker compose ... run --rm SERVICE ARGS`: ARGS are lakegate's (the image's
        // entrypoint is the command)
        Matcher run = Pattern.compile("(?m)^ {4}docker compose(?: \\S+)*? run --rm \\S+ (.+)$").matcher(readme());
        while (run.find()) {
            lines.put("README: " + run.group(1), List.of(run.group(1).trim().split("\\s+")));
        }
        return lines;
    }

    static String dockerfile() throws IOException {
        return Files.readString(DOCKER.resolve("Dockerfile"));
    }

    static String readme() throws IOException {
        return Files.readString(DOCKER.resolve("README.md"));
    }

    /** The JSON array of an exec-form instruction, e.g. {@code CMD ["--help"]}. */
    static List<String> execForm(String dockerfile, String instruction) {
        Matcher m = Pattern.compile("(?m)^" + instruction + " \\[(.*)]\\s*$").matcher(dockerfile);
        assertThat(m.find()).as(instruction + " in exec form").isTrue();
        List<String> args = new ArrayList<>();
        Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
        while (arg.find()) {
            args.add(arg.group(1));
        }
        return args;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandLineIsARealLakegateCommand() throws IOException {
        Map<String, List<String>> lines = lakegateCommandLines();
        assertThat(lines.keySet()).anyMatch(k -> k.startsWith("README"));
        Set<String> registered = new CommandLine(new Lakegate()).getSubcommands().keySet();
        return lines.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + ": " + e.getValue(), () -> {
            List<String> args = e.getValue();
            assertThat(args).isNotEmpty();
            String command = args.get(0);
            // skipped only while a command is being written (see BEING_WRITTEN)
            assumeFalse(BEING_WRITTEN.contains(command) && !registered.contains(command),
                    "`lakegate " + command + "` is not written yet");
            CommandLine.ParseResult parsed = new CommandLine(new Lakegate()).parseArgs(args.toArray(String[]::new));
            assertThat(parsed.unmatched()).isEmpty();
        }));
    }

    @Test
    void theParserRejectsWhatLakegateDoesNotKnow() {
        new CommandLine(new Lakegate()).parseArgs("schema", "update", "--clickhouse-url", "http://c:8123",
                "--cluster", "lakegate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommandLine(new Lakegate())
                        .parseArgs("schema", "update", "--clickhouse-host", "c"))
                .isInstanceOf(CommandLine.ParameterException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommandLine(new Lakegate())
                        .parseArgs("schema", "upgrade"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void dockerfileBuildsTheShadedJarAndRunsItAsANonRootUser() throws IOException {
        String dockerfile = dockerfile();
        List<String> from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile).results()
                .map(r -> r.group(1)).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).startsWith("maven:").contains("temurin-17");
        assertThat(from.get(1)).isEqualTo("eclipse-temurin:17-jre");
        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$")
                .containsPattern("(?m)^RUN .*mvn .*-DskipTests package");
        // the jar the build stage copies is the one app/pom.xml's shade plugin writes
        assertThat(Files.readString(Path.of("pom.xml"))).contains("${project.build.directory}/lakegate-all.jar");
        assertThat(dockerfile).contains("COPY --from=build /src/app/target/lakegate-all.jar " + JAR);
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertThat(user.find()).as("USER").isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        assertThat(dockerfile.indexOf("USER ")).isGreaterThan(dockerfile.lastIndexOf("FROM "));
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE 8765 8123 8443$");
        assertThat(execForm(dockerfile, "ENTRYPOINT")).containsExactly("java", "-jar", JAR);
        assertThat(DOCKER.resolve("Dockerfile.dockerignore")).content().contains("**/target");
    }

    @Test
    void composeRunsClickHouseThenTheSchemaJobThenTheGateway() throws IOException {
        Map<String, Object> compose = yaml("compose.yaml");
        Map<String, Object> clickhouse = service(compose, "clickhouse");
        assertThat(clickhouse.get("image")).isEqualTo(CLICKHOUSE);
        assertThat(String.valueOf(clickhouse.get("healthcheck"))).contains("http://localhost:8123/ping");
        assertThat(list(clickhouse, "volumes")).anyMatch(v -> v.endsWith(":/var/lib/clickhouse"));
        assertThat(compose).containsKey("volumes");

        Map<String, Object> schema = service(compose, "schema");
        assertBuiltFromTheDockerfile(schema);
        assertThat(list(schema, "command")).containsSequence("schema", "update")
                .containsSequence("--clickhouse-url", "http://clickhouse:8123").doesNotContain("--cluster");
        assertThat(dependency(schema, "clickhouse")).isEqualTo("service_healthy");

        Map<String, Object> gateway = service(compose, "gateway");
        assertBuiltFromTheDockerfile(gateway);
        assertGateway(gateway, "http://clickhouse:8123");
    }

    @Test
    void clusterComposeRunsKeeperTwoReplicasAndTheSchemaOnCluster() throws Exception {
        Map<String, Object> compose = yaml("compose.cluster.yaml");
        assertThat(service(compose, "keeper").get("image")).isEqualTo("clickhouse/clickhouse-keeper:25.8");
        assertMountsExist(service(compose, "keeper"));

        Document cluster = xml("cluster/cluster.xml");
        NodeList hosts = ((Element) cluster.getElementsByTagName("lakegate").item(0)).getElementsByTagName("host");
        List<String> replicas = new ArrayList<>();
        for (int i = 0; i < hosts.getLength(); i++) {
            replicas.add(hosts.item(i).getTextContent());
        }
        assertThat(replicas).hasSize(2);
        assertThat(cluster.getElementsByTagName("remote_servers").getLength()).isEqualTo(1);
        Element keeperNode = (Element) cluster.getElementsByTagName("zookeeper").item(0);
        assertThat(text(keeperNode, "host")).isEqualTo("keeper");
        assertThat(text(keeperNode, "port")).isEqualTo(text(xml("cluster/keeper.xml").getDocumentElement(),
                "tcp_port"));

        for (String replica : replicas) {
            Map<String, Object> server = service(compose, replica);
            assertThat(server.get("image")).isEqualTo(CLICKHOUSE);
            assertThat(server.get("hostname")).isEqualTo(replica);
            assertThat(String.valueOf(server.get("healthcheck"))).contains("/ping");
            assertMountsExist(server);
            List<String> volumes = list(server, "volumes");
            assertThat(volumes).contains("./cluster/cluster.xml:/etc/clickhouse-server/config.d/cluster.xml:ro");
            String nodeFile = volumes.stream().filter(v -> v.contains("/config.d/node.xml")).findFirst().orElseThrow()
                    .split(":")[0].substring(2);
            Element macros = (Element) xml(nodeFile).getElementsByTagName("macros").item(0);
            assertThat(text(macros, "shard")).isNotBlank();
            assertThat(text(macros, "replica")).as(nodeFile).isEqualTo(replica);
        }

        Map<String, Object> schema = service(compose, "schema");
        assertBuiltFromTheDockerfile(schema);
        assertThat(list(schema, "command")).containsSequence("schema", "update")
                .containsSequence("--cluster", "lakegate")
                .containsSequence("--clickhouse-url", "http://" + replicas.get(0) + ":8123");
        for (String replica : replicas) {
            assertThat(dependency(schema, replica)).isEqualTo("service_healthy");
        }
        assertGateway(service(compose, "gateway"), "http://" + replicas.get(0) + ":8123");
    }

    @SuppressWarnings("unchecked")
    private static void assertBuiltFromTheDockerfile(Map<String, Object> service) {
        assertThat(service.get("image")).isEqualTo("lakegate:local");
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
        Map<String, Object> env = (Map<String, Object>) service.get("environment");
        assertThat(env).containsKeys("CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD");
    }

    private static void assertGateway(Map<String, Object> gateway, String clickhouseUrl) throws IOException {
        assertBuiltFromTheDockerfile(gateway);
        assertThat(list(gateway, "command")).startsWith("serve").containsSequence("--clickhouse-url", clickhouseUrl)
                .containsSequence("--host", "0.0.0.0");
        assertThat(list(gateway, "ports")).contains("8765:8765", "18123:8123", "8443:8443");
        assertThat(dependency(gateway, "schema")).isEqualTo("service_completed_successfully");
        assertThat(list(gateway, "volumes")).contains("./tls:/etc/lakegate/tls:ro");
        assertThat(readme()).contains("tls/cert.pem").contains("tls/key.pem");
    }

    /** Bind mounts of files under docker/ point at files that exist. */
    private static void assertMountsExist(Map<String, Object> service) {
        for (String volume : list(service, "volumes")) {
            if (volume.startsWith("./")) {
                assertThat(DOCKER.resolve(volume.split(":")[0])).as(volume).exists();
            }
        }
    }

    private static Document xml(String file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DOCKER.resolve(file).toFile());
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag).isEqualTo(1);
        return nodes.item(0).getTextContent().trim();
    }
}
