package io.lakegate.proxy.policy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of the ClickHouse the gateway serves, as its {@code system.functions} and
 * {@code system.aggregate_function_combinators} list them: the validator learns its aggregates from them, the policy
 * which of them a tenant may call.
 *
 * @param combinators the aggregate combinators ({@code If}, {@code State}, {@code Merge}, ...)
 */
public record ServerFunctions(List<Function> functions, List<String> combinators) {
    /**
     * One row of {@code system.functions}.
     *
     * @param aliasTo the function this name is another name of, or empty
     */
    public record Function(String name, boolean aggregate, boolean caseInsensitive, String aliasTo) {
    }

    /** The combinators longest first, so "OrDefault" is tried before the shorter suffixes it ends with. */
    public ServerFunctions {
        functions = List.copyOf(functions);
        List<String> sorted = new ArrayList<>(combinators);
        sorted.sort((a, b) -> b.length() - a.length());
        combinators = List.copyOf(sorted);
    }

    /** Reads the functions of the ClickHouse behind {@code connection}. */
    public static ServerFunctions load(Connection connection) throws SQLException {
        List<Function> functions = new ArrayList<>();
        List<String> combinators = new ArrayList<>();
        synchronized (connection) {
            try (Statement s = connection.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT name, is_aggregate, case_insensitive, alias_to "
                        + "FROM system.functions")) {
                    while (rs.next()) {
                        functions.add(new Function(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                                rs.getString(4)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT name FROM system.aggregate_function_combinators")) {
                    while (rs.next()) {
                        combinators.add(rs.getString(1));
                    }
                }
            }
        }
        return new ServerFunctions(functions, combinators);
    }
}
