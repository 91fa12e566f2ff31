package io.lakegate.app;

import picocli.CommandLine.Option;

/** {@code --progress} / {@code --no-progress}, for the commands that show a progress bar. */
final class ProgressOption {
    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on stderr (default: on; --no-progress for scripts and logs).")
    boolean on;
}
