package io.lakegate.schema.data;

import com.sun.jna.Library;
import com.sun.jna.Native;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * A progress bar on stderr (me.tongfei:progressbar), or nothing. Thread-safe. On a terminal the bar redraws itself
 * in place; anywhere else (a file, a pipe, a CI log) it writes a plain line at most every {@link #LOG_INTERVAL_MILLIS}
 * and a last one at the end, never the carriage returns a terminal needs.
 */
public final class Progress implements AutoCloseable {
    static final long LOG_INTERVAL_MILLIS = 10_000;

    private final ProgressBar bar;
    private final LineConsumer consumer;

    private Progress(ProgressBar bar, LineConsumer consumer) {
        this.bar = bar;
        this.consumer = consumer;
    }

    public static Progress none() {
        return new Progress(null, null);
    }

    /** Whether standard error is a terminal, where a redrawn bar makes sense. */
    public static boolean stderrIsTerminal() {
        try {
            return Native.load("c", LibC.class).isatty(2) == 1;
        } catch (Throwable noLibc) {
            // no C library to ask (e.g. Windows): System.console() knows at least whether stdin and stdout are one
            return System.console() != null;
        }
    }

    /** A bar drawn for a terminal when standard error is one. */
    public static Progress bar(String task, long max, String unit, long unitSize, PrintStream out) {
        return bar(task, max, unit, unitSize, out, stderrIsTerminal());
    }

    /**
     * @param max      the expected total, or -1 when unknown
     * @param unit     the unit shown, e.g. " rows" or " MB"
     * @param unitSize how many steps make one unit (1, or 1 << 20 for MB of bytes)
     * @param terminal whether {@code out} is a terminal: redraw in place, or write plain lines now and then
     */
    public static Progress bar(String task, long max, String unit, long unitSize, PrintStream out, boolean terminal) {
        // without a width of its own, the library asks the terminal for it, so a narrow window does not wrap the bar
        LineConsumer consumer = new LineConsumer(out, terminal);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, unitSize)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(consumer)
                .build();
        return new Progress(bar, consumer);
    }

    public void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** Sets the final total (so the bar ends at 100 %). */
    public void finish(long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(total);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            // the library skips its own closing newline when the bar closes before its first redraw, and a redraw
            // already under way may land after it: both glued the command's summary onto the bar
            consumer.finish();
        }
    }

    private interface LibC extends Library {
        int isatty(int fd);
    }

    /** Draws the bar, and guarantees one final line that ends with a newline and nothing after it. */
    static final class LineConsumer implements ProgressBarConsumer {
        private final PrintStream out;
        private final boolean terminal;
        private final ConsoleProgressBarConsumer console;
        private String last;
        private long lastLine;
        private boolean finished;

        LineConsumer(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
            this.console = terminal ? new ConsoleProgressBarConsumer(out) : null;
        }

        @Override
        public int getMaxRenderedLength() {
            return terminal ? console.getMaxRenderedLength() : 100;
        }

        @Override
        public synchronized void accept(String rendered) {
            if (finished) {
                return;
            }
            last = rendered;
            if (terminal) {
                console.accept(rendered);
            } else if (System.currentTimeMillis() - lastLine >= LOG_INTERVAL_MILLIS) {
                out.println(rendered.strip());
                out.flush();
                lastLine = System.currentTimeMillis();
                last = null;
            }
        }

        @Override
        public void close() {
            // the library's close; finish() after it decides what the end looks like
        }

        synchronized void finish() {
            if (finished) {
                return;
            }
            finished = true;
            if (terminal) {
                out.println();
            } else if (last != null) {
                out.println(last.strip());
            }
            out.flush();
        }
    }
}
