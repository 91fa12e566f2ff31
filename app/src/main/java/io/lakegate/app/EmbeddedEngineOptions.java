package io.lakegate.app;

import io.lakegate.engine.chdb.EmbeddedClickHouse;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the embedded engine keeps its data, and which libchdb.so it loads. */
final class EmbeddedEngineOptions {
    @Option(names = "--data", defaultValue = "${env:LAKEGATE_DATA:-lakegate-data}",
            description = "Directory of the embedded engine's data; kept across restarts (default: ${DEFAULT-VALUE}, "
                    + "or LAKEGATE_DATA).")
    Path data;

    @Option(names = "--chdb-lib", defaultValue = "${env:LAKEGATE_CHDB_LIB}",
            description = "An existing libchdb.so to load instead of fetching @chdb/lib-linux-x64-gnu with npm; "
                    + "also from LAKEGATE_CHDB_LIB.")
    Path chdbLibrary;

    EmbeddedClickHouse start() {
        return EmbeddedClickHouse.start(data, chdbLibrary);
    }
}
