package io.lakegate.schema.liquibase;

/** ClickHouse has no UPDATE/DELETE statements for MergeTree in general: they become synchronous mutations. */
final class Mutations {
    /** Waits for the mutation on all replicas, so the next statement sees its result. */
    static final String SYNC = " SETTINGS mutations_sync = 2";

    private Mutations() {
    }

    /** Rewrites every statement a standard generator produced. */
    static liquibase.sql.Sql[] rewrite(liquibase.sql.Sql[] generated, java.util.function.UnaryOperator<String> how) {
        liquibase.sql.Sql[] result = new liquibase.sql.Sql[generated.length];
        for (int i = 0; i < generated.length; i++) {
            result[i] = new liquibase.sql.UnparsedSql(how.apply(generated[i].toSql()),
                    generated[i].getAffectedDatabaseObjects().toArray(new liquibase.structure.DatabaseObject[0]));
        }
        return result;
    }

    /** {@code UPDATE t SET a = 1 WHERE c} becomes {@code ALTER TABLE t UPDATE a = 1 WHERE c SETTINGS ...}. */
    static String update(String sql) {
        String s = sql.strip();
        int set = indexOfWord(s, "SET");
        if (!s.regionMatches(true, 0, "UPDATE ", 0, 7) || set < 0) {
            return sql;
        }
        String table = s.substring(7, set).strip();
        String rest = s.substring(set + 3).strip();
        return "ALTER TABLE " + table + " UPDATE " + withWhere(rest) + SYNC;
    }

    /** {@code DELETE FROM t WHERE c} becomes {@code ALTER TABLE t DELETE WHERE c SETTINGS ...}. */
    static String delete(String sql) {
        String s = sql.strip();
        if (!s.regionMatches(true, 0, "DELETE FROM ", 0, 12)) {
            return sql;
        }
        String rest = s.substring(12).strip();
        int where = indexOfWord(rest, "WHERE");
        String table = where < 0 ? rest : rest.substring(0, where).strip();
        String condition = where < 0 ? "1" : rest.substring(where + 5).strip();
        return "ALTER TABLE " + table + " DELETE WHERE " + condition + SYNC;
    }

    private static String withWhere(String assignments) {
        return indexOfWord(assignments, "WHERE") < 0 ? assignments + " WHERE 1" : assignments;
    }

    private static int indexOfWord(String s, String word) {
        String upper = s.toUpperCase(java.util.Locale.ROOT);
        int from = 0;
        while (true) {
            int i = upper.indexOf(" " + word + " ", from);
            if (i < 0) {
                return -1;
            }
            if (!insideQuotes(s, i)) {
                return i + 1;
            }
            from = i + 1;
        }
    }

    private static boolean insideQuotes(String s, int end) {
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\'') {
                quoted = !quoted;
            }
        }
        return quoted;
    }
}
