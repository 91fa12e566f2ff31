package io.lakegate.schema.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Safe SQL identifiers for columns and views, and the one collision rule: a name is made of letters, digits and
 * underscores (anything else becomes {@code _}, a leading digit gets a {@code _} before it), and a name already
 * taken, compared without case (Power BI and ODBC tools fold case), gets {@code _2}, {@code _3}, ... The caller passes
 * the names taken so far, in a fixed order (the registry's columns first, then new paths sorted), so the same data
 * always gets the same names and a name once given never moves.
 */
final class SafeNames {
    private static final int MAX_LENGTH = 120;

    private SafeNames() {
    }

    /** {@code ["value", "amount"]} becomes {@code value_amount}. */
    static String of(List<String> path) {
        return of(String.join("_", path));
    }

    static String of(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** {@code base + suffix}, or {@code base_2 + suffix}, ... : the first not in {@code taken} (lower-cased). */
    static String unique(String base, String suffix, Set<String> taken) {
        String name = base + suffix;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
