package io.lakegate.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one benchmark's section of docs/benchmarks.md (path from {@code lakegate.benchmark.report}), replacing the
 * section of the same name from an earlier run and keeping the others.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    public static void writeSection(String name, String markdown) throws IOException {
        Path out = Path.of(System.getProperty("lakegate.benchmark.report", "target/benchmarks.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        String begin = "<!-- " + name + " -->";
        String end = "<!-- /" + name + " -->";
        String section = begin + "\n" + markdown.strip() + "\n" + end;
        String text = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n\nProduced by `mvn -B -Pbenchmark "
                + "verify`; every section comes from one run on one machine.\n";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + end.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(out, text);
        System.out.println(section);
    }

    /** One measured piece of work. */
    public interface Timed {
        void run() throws Exception;
    }

    /** Median in milliseconds of {@code runs} runs of {@code body} after one warm-up run. */
    public static double medianMillis(int runs, Timed body) throws Exception {
        body.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            body.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        ms.sort(null);
        return ms.get(runs / 2);
    }

    /**
     * Medians in milliseconds of {@code runs} runs of each body, after one warm-up run of each, the bodies taking
     * turns in a rotating order: on a machine whose speed drifts (other work, the engine's merges), each body meets
     * the same conditions, so their differences are the bodies' own.
     */
    public static double[] interleavedMedians(int runs, Timed... bodies) throws Exception {
        return Interleaved.run(runs, bodies).medians();
    }

    /** Each body's times in one interleaved measurement, in milliseconds, by turn. */
    public record Interleaved(double[][] ms) {
        public static Interleaved run(int runs, Timed... bodies) throws Exception {
            for (Timed body : bodies) {
                body.run();
            }
            double[][] ms = new double[bodies.length][runs];
            for (int i = 0; i < runs; i++) {
                for (int k = 0; k < bodies.length; k++) {
                    int b = (i + k) % bodies.length;
                    long start = System.nanoTime();
                    bodies[b].run();
                    ms[b][i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return new Interleaved(ms);
        }

        public double[] medians() {
            double[] medians = new double[ms.length];
            for (int b = 0; b < ms.length; b++) {
                medians[b] = median(ms[b]);
            }
            return medians;
        }

        /**
         * The median of body {@code b}'s time minus body {@code base}'s in the same turn: what {@code b} adds, with
         * the drift both met in that turn taken out, so steadier than the difference of their medians.
         */
        public double addedMedian(int b, int base) {
            double[] added = new double[ms[b].length];
            for (int i = 0; i < added.length; i++) {
                added[i] = ms[b][i] - ms[base][i];
            }
            return median(added);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    public static String machine() {
        return LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version");
    }
}
