package io.lakegate.schema.data;

import com.clickhouse.client.api.Client;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code lakegate load}: reads newline-delimited JSON records of one dataset, validates each
 * ({@link RecordValidator}), inserts the valid ones in batches ({@link TableInserter}) and writes each invalid one to
 * the reject file with its line number and the reason. Safe to re-run: a record loaded again gets the same key and
 * the _final views show it once, so after an interrupted load, loading the whole file again is enough.
 */
public final class NdjsonLoader {
    /** How a load went. */
    public record Result(long loaded, long rejected, long lines, Path rejectFile, Set<String> unprovisionedOrgs,
                         long millis) {
    }

    private static final int SNIFF = 64 * 1024;
    private static final int MAX_ORGS_TRACKED = 10_000;

    private final ClickHouseTarget target;
    private final SchemaSettings schema;
    private final Dataset dataset;
    private final int batchRows;

    public NdjsonLoader(ClickHouseTarget target, SchemaSettings schema, Dataset dataset, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("--batch-size must be 1 or more");
        }
        this.target = target;
        this.schema = schema;
        this.dataset = dataset;
        this.batchRows = batchRows;
    }

    /**
     * Checks that {@code file} is a non-empty regular file of text, so bad input fails before anything is loaded.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static void checkFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not a file of JSON lines");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is not readable");
        }
        try {
            if (Files.size(file) == 0) {
                throw new IllegalArgumentException(file + " is empty: no records to load");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The default reject file: next to the input, or in the working directory for stdin. */
    public static Path defaultRejectFile(Path input) {
        return input == null ? Path.of("stdin.rejects.ndjson") : Path.of(input + ".rejects.ndjson");
    }

    /**
     * Loads {@code in} (named {@code source} in messages).
     *
     * @throws IllegalArgumentException when the input is not JSON text at all (binary, compressed, empty)
     */
    public Result load(InputStream in, String source, Path rejectFile,
                       java.util.function.Supplier<Progress> progressFactory) throws IOException, SQLException {
        long started = System.nanoTime();
        BufferedInputStream input = new BufferedInputStream(in, 1 << 20);
        sniff(input, source);
        Set<String> provisioned = new TreeSet<>();
        try (Connection c = target.connect(schema.database())) {
            DataGenerator.requireTables(c, schema.database());
            new OrgProvisioner(c, schema, null).list().forEach(o -> provisioned.add(o.orgId()));
        }
        Files.deleteIfExists(rejectFile);
        try (Progress progress = progressFactory.get()) {
            return load(input, source, rejectFile, progress, provisioned, started);
        }
    }

    private Result load(BufferedInputStream input, String source, Path rejectFile, Progress progress,
                        Set<String> provisioned, long started) throws IOException {
        RecordValidator validator = new RecordValidator(dataset);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> orgs = new TreeSet<>();
        long lines = 0;
        long records = 0;
        long rejected = 0;
        AtomicLong loaded = new AtomicLong();
        BufferedWriter rejects = null;
        ExecutorService inserts = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lakegate-load-insert");
            t.setDaemon(true);
            return t;
        });
        try (Client client = target.bulkClient(schema.database(), 4)) {
            TableInserter inserter = new TableInserter(client, dataset.table(), inserts, loaded::addAndGet,
                    batchRows, TableInserter.DEFAULT_MAX_BYTES);
            LineReader reader = new LineReader(input);
            for (long consumed; (consumed = reader.next()) >= 0; ) {
                lines++;
                progress.step(consumed);
                byte[] bytes = reader.line();
                int length = reader.length();
                if (length > 0 && bytes[length - 1] == '\r') {
                    length--;
                }
                if (isBlank(bytes, length)) {
                    continue;
                }
                records++;
                try {
                    byte[] row = validator.validate(bytes, 0, length);
                    inserter.addBytes(row);
                    if (orgs.size() < MAX_ORGS_TRACKED) {
                        orgs.add(validator.lastOrg());
                    }
                } catch (RecordValidator.Rejected e) {
                    rejected++;
                    if (rejects == null) {
                        rejects = Files.newBufferedWriter(rejectFile, StandardCharsets.UTF_8);
                    }
                    rejects.write(mapper.writeValueAsString(Json.obj("line", lines, "reason", e.getMessage(),
                            "record", decodeLenient(bytes, length))));
                    rejects.write('\n');
                }
            }
            inserter.close();
        } finally {
            inserts.shutdownNow();
            if (rejects != null) {
                rejects.close();
            }
        }
        if (records == 0) {
            throw new IllegalArgumentException(source + " has no records: every line is blank");
        }
        progress.message(loaded.get() + " loaded, " + rejected + " rejected");
        Set<String> unprovisioned = new TreeSet<>(orgs);
        unprovisioned.removeAll(provisioned);
        return new Result(loaded.get(), rejected, lines, rejected > 0 ? rejectFile : null, unprovisioned,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte c = bytes[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String decodeLenient(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Fails fast on input that is not text: NUL bytes, invalid UTF-8, a compressed file, nothing at all. */
    private static void sniff(BufferedInputStream in, String source) throws IOException {
        in.mark(SNIFF + 8);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length == 0) {
            throw new IllegalArgumentException(source + " is empty: no records to load");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            throw new IllegalArgumentException(source + " is gzip-compressed: decompress it first, e.g. "
                    + "`zcat FILE | lakegate load --dataset NAME -`");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new IllegalArgumentException(source + " is binary, not newline-delimited JSON text (a NUL "
                        + "byte at offset " + i + ")");
            }
        }
        // a multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes
        int end = head.length;
        if (head.length == SNIFF) {
            int i = end - 1;
            while (i > end - 4 && (head[i] & 0xC0) == 0x80) {
                i--;
            }
            if ((head[i] & 0x80) != 0) {
                end = i;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + " is binary, not newline-delimited JSON text (it is not "
                    + "UTF-8)");
        }
    }
}
