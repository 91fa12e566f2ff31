package io.lakegate.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lakegate} command. */
@Command(name = "lakegate", mixinStandardHelpOptions = true, versionProvider = Lakegate.Version.class,
        description = "Schema as code for a multi-tenant ClickHouse data lake, and a tenant-scoping BI gateway.",
        exitCodeListHeading = "%nExit codes (every command):%n",
        exitCodeList = {"0:done", "1:failed (the message says why and what to do)",
                "2:bad usage: an unknown option, a missing parameter, or a value, file or name that is not right",
                "3:`load`: finished, but some records were rejected; `schema drift`: drift found",
                "130:`demo` only: stopped by Ctrl-C before it was ready"},
        subcommands = {EngineCommand.class, SchemaCommand.class, OrgCommand.class, CredentialsCommand.class,
                LimitsCommand.class, ServeCommand.class, GenerateCommand.class, LoadCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class Lakegate implements Runnable {
    /** Held so its level stays (java.util.logging keeps loggers only weakly): Liquibase's INFO lines are noise. */
    static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; errors print as one clear message, never a stack trace. */
    public static int run(String... args) {
        // Liquibase reports through java.util.logging; its INFO lines drown the command's own output
        System.setProperty("liquibase.logLevel", System.getProperty("liquibase.logLevel", "WARNING"));
        System.setProperty("liquibase.showBanner", "false");
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cli = new CommandLine(new Lakegate());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + " (lakegate --help lists them)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Lakegate.class.getResourceAsStream("/lakegate-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"lakegate " + p.getProperty("version", "(version unknown)") + " (commit "
                    + p.getProperty("commit", "unknown") + ")", "Java " + Runtime.version() + ", "
                    + System.getProperty("java.vm.name")};
        }
    }
}
