package io.lakegate.schema.data;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** A progress bar on stderr (me.tongfei:progressbar), or nothing. Thread-safe. */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static Progress none() {
        return new Progress(null);
    }

    /**
     * @param max      the expected total, or -1 when unknown
     * @param unit     the unit shown, e.g. " rows" or " MB"
     * @param unitSize how many steps make one unit (1, or 1 << 20 for MB of bytes)
     */
    public static Progress bar(String task, long max, String unit, long unitSize, PrintStream out) {
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, unitSize)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out, 100))
                .build());
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
        }
    }
}
