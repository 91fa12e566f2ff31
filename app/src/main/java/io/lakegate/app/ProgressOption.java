package io.lakegate.app;

import io.lakegate.schema.data.Progress;
import picocli.CommandLine.Option;

/** {@code --progress} / {@code --no-progress}, for the commands that show a progress bar. */
final class ProgressOption {
    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on stderr (default: when stderr is a terminal; --progress in a log "
                    + "writes a line every 10 s, --no-progress shows none).")
    Boolean on;

    /** Whether to show progress: as asked, else only on a terminal, where a redrawn bar does not litter a file. */
    boolean enabled() {
        return on != null ? on : Progress.stderrIsTerminal();
    }
}
