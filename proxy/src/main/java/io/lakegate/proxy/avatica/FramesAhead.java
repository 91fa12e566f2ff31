package io.lakegate.proxy.avatica;

import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads each statement's next frame of rows from ClickHouse while its client is still reading the one it has: a
 * client streaming a result asks for one frame after the other, and without this the gateway and the client would
 * take turns instead of working at once. One frame ahead at most, so a statement holds two frames at most.
 */
final class FramesAhead {
    /** How a statement's rows are read: JdbcMeta's fetch. */
    interface Reader {
        Frame read(long offset, int rows) throws NoSuchStatementException, MissingResultsException;
    }

    /** A frame being read, or waiting for a reader thread; a drop before the read begins means it never will. */
    private static final class Ahead {
        final long offset;
        final CompletableFuture<Frame> frame = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        Ahead(long offset) {
            this.offset = offset;
        }

        void read(Reader reader, int rows) {
            if (!claim()) {
                return; // dropped before a thread came to it
            }
            try {
                frame.complete(reader.read(offset, rows));
            } catch (Throwable t) {
                frame.completeExceptionally(t);
            }
        }

        /** True for the first to come, the reader thread or a drop: a read that was not claimed first never begins. */
        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    private final ExecutorService readers = Executors.newCachedThreadPool(daemon());
    private final Map<Integer, Ahead> ahead = new ConcurrentHashMap<>();

    /** The frame at {@code offset}: the one read ahead when it is that one, else read now; and the next one begun. */
    Frame fetch(int statementId, long offset, int rows, Reader reader)
            throws NoSuchStatementException, MissingResultsException {
        Ahead next = ahead.remove(statementId);
        Frame frame;
        if (next != null && next.offset == offset) {
            frame = await(next.frame);
        } else {
            settle(next);
            frame = reader.read(offset, rows);
        }
        readAhead(statementId, offset, frame, rows, reader);
        return frame;
    }

    /** After {@code frame} (at {@code offset}) went to the client: begins reading the one after it, if there is one. */
    void readAhead(int statementId, long offset, Frame frame, int rows, Reader reader) {
        if (frame.done) {
            return;
        }
        Ahead next = new Ahead(offset + count(frame));
        ahead.put(statementId, next);
        readers.execute(() -> next.read(reader, rows));
    }

    /** Before the statement's result is closed or replaced: waits until no read of it is under way. */
    void drop(int statementId) {
        settle(ahead.remove(statementId));
    }

    private static void settle(Ahead a) {
        if (a == null || a.claim()) { // claimed before a reader thread: the read never begins
            return;
        }
        try {
            a.frame.get(); // it had begun: its result set stays in use until it ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the frame is not wanted any more, nor its failure
        }
    }

    private static Frame await(CompletableFuture<Frame> frame) throws NoSuchStatementException, MissingResultsException {
        try {
            return frame.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading rows", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof NoSuchStatementException n) {
                throw n;
            }
            if (cause instanceof MissingResultsException m) {
                throw m;
            }
            throw new IllegalStateException(cause);
        }
    }

    static long count(Frame frame) {
        long n = 0;
        for (Object ignored : frame.rows) {
            n++;
        }
        return n;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lakegate-frames-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
