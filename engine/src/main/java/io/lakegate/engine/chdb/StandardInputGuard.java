package io.lakegate.engine.chdb;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Keeps chDB away from the process's standard input. chDB's client reads file descriptor 0 as the data of any INSERT
 * when something is waiting there (chdb-io/chdb-core#239): {@code INSERT ... VALUES} then fails, or inserts rows the
 * application never wrote, depending on how the JVM was started (a pipe into {@code lakegate load -}, Maven's test
 * forks). So before the engine boots, descriptor 0 becomes /dev/null and Java's {@code System.in} is re-opened on a
 * copy of the original descriptor: the process still reads its input, the engine never does.
 */
final class StandardInputGuard {
    private static final Logger LOG = LoggerFactory.getLogger(StandardInputGuard.class);
    private static boolean done;

    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int fd);
    }

    private StandardInputGuard() {
    }

    static synchronized void detachFromEngine() {
        if (done) {
            return;
        }
        done = true;
        try {
            LibC c = Native.load("c", LibC.class);
            int saved = c.dup(0);
            int devNull = c.open("/dev/null", 0);
            if (saved < 0 || devNull < 0 || c.dup2(devNull, 0) < 0) {
                LOG.warn("Could not detach standard input from the embedded engine: an INSERT may read it");
                return;
            }
            c.close(devNull);
            System.setIn(new FileInputStream("/proc/self/fd/" + saved));
        } catch (IOException | UnsatisfiedLinkError e) {
            LOG.warn("Could not detach standard input from the embedded engine ({}): an INSERT may read it",
                    e.getMessage());
        }
    }
}
