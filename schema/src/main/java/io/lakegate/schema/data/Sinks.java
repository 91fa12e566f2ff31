package io.lakegate.schema.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** One producing thread's inserters, one per table, created on first use. */
final class Sinks implements AutoCloseable {
    private final Function<String, TableInserter> factory;
    private final Map<String, TableInserter> inserters = new LinkedHashMap<>();

    Sinks(Function<String, TableInserter> factory) {
        this.factory = factory;
    }

    TableInserter get(String table) {
        return inserters.computeIfAbsent(table, factory);
    }

    Map<String, TableInserter> inserters() {
        return inserters;
    }

    /** Flushes every table (the inserts run concurrently), then waits for all of them. */
    @Override
    public void close() {
        inserters.values().forEach(TableInserter::flush);
        RuntimeException failure = null;
        for (TableInserter inserter : inserters.values()) {
            try {
                inserter.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
