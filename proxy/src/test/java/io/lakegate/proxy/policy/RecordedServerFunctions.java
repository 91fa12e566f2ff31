package io.lakegate.proxy.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The functions of ClickHouse 26.7 as its system.functions listed them, recorded for unit tests. */
public final class RecordedServerFunctions {
    private static final String COMBINATORS = "# combinators: ";

    private RecordedServerFunctions() {
    }

    public static ServerFunctions get() {
        List<ServerFunctions.Function> functions = new ArrayList<>();
        List<String> combinators = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RecordedServerFunctions.class.getResourceAsStream("/clickhouse-functions.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(COMBINATORS)) {
                    combinators.addAll(Arrays.asList(line.substring(COMBINATORS.length()).split(" ")));
                } else if (!line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    functions.add(new ServerFunctions.Function(f[0], f[1].equals("1"), f[2].equals("1"), f[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerFunctions(functions, combinators);
    }

    /** The policy with the repository's reviewed lists over the recorded functions. */
    public static TenantPolicy policy() {
        return new TenantPolicy(FunctionAllowlist.review(get()));
    }
}
