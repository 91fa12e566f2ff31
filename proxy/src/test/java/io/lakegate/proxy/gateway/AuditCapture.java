package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines the gateway writes to the {@code lakegate.audit} logger while this is open, as JSON. The tests log through
 * slf4j-simple to standard error at level warn, and slf4j-simple can neither change a logger's level nor take another
 * output once started: the capture raises the audit logger to info and reads standard error, passing every other line
 * on.
 */
final class AuditCapture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIT_LOGGER = "lakegate.audit";
    /** slf4j-simple's line: {@code [thread] INFO lakegate.audit - {...}}. */
    private static final String MARKER = " " + AUDIT_LOGGER + " - ";

    private final PrintStream originalErr = System.err;
    private final Field level;
    private final Object logger = LoggerFactory.getLogger(AUDIT_LOGGER);
    private final int originalLevel;
    private final List<String> lines = new ArrayList<>();

    AuditCapture() {
        try {
            level = logger.getClass().getDeclaredField("currentLogLevel");
            level.setAccessible(true);
            originalLevel = level.getInt(logger);
            level.setInt(logger, org.slf4j.event.Level.INFO.toInt());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The tests expect slf4j-simple as the logging backend", e);
        }
        System.setErr(new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8));
    }

    /** The audit lines written so far. */
    List<JsonNode> lines() {
        List<String> copy;
        synchronized (lines) {
            copy = new ArrayList<>(lines);
        }
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : copy) {
            try {
                parsed.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("Not a JSON audit line: " + line, e);
            }
        }
        return parsed;
    }

    /** The audit lines of one user. */
    List<JsonNode> linesOf(String user) {
        return lines().stream().filter(l -> l.path("user").asText().equals(user)).toList();
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        try {
            level.setInt(logger, originalLevel);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the audit lines, passes the rest on to the real standard error. */
    private final class LineSplitter extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                int at = text.indexOf(MARKER);
                if (at >= 0) {
                    synchronized (lines) {
                        lines.add(text.substring(at + MARKER.length()));
                    }
                } else {
                    originalErr.println(text);
                }
            } else {
                line.write(b);
            }
        }
    }
}
