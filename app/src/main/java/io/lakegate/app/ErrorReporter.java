package io.lakegate.app;

import io.lakegate.engine.chdb.ChdbUnavailableException;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.schema.SchemaException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Prints a failed command's cause as one message that says what is wrong and what to do. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int FAILURE = 1;
    /** Bad usage, the code picocli gives what it finds itself (unknown options, missing parameters). */
    static final int USAGE = CommandLine.ExitCode.USAGE;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("lakegate: " + message(e));
        if (Boolean.getBoolean("lakegate.debug")) {
            e.printStackTrace(cli.getErr());
        }
        return exitCode(e);
    }

    /**
     * What the user gave is wrong (an option's value, an org id, a file, a dataset name): bad usage, the same code as
     * what picocli finds itself, whoever noticed it. Every module reports such input as an IllegalArgumentException;
     * everything else (ClickHouse unreachable, a failed query, I/O) is a failure.
     */
    static int exitCode(Throwable e) {
        return e instanceof IllegalArgumentException ? USAGE : FAILURE;
    }

    static String message(Throwable e) {
        if (e instanceof java.sql.SQLException sql) {
            return "ClickHouse error " + sql.getErrorCode() + ": " + sql.getMessage();
        }
        if (e instanceof ClickHouseException ch) {
            return "ClickHouse error " + ch.code() + " (" + ch.errorName() + "): " + ch.getMessage();
        }
        if (e instanceof ChdbUnavailableException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof SchemaException
                || e instanceof IOException || e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage()
                + " (run with -Dlakegate.debug=true for the stack trace)";
    }
}
