package io.lakegate.schema.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what ClickHouse saw in a sample into a view's columns, on top of the columns the view already has: a column
 * once made keeps its name and position (a BI model built on it keeps working), and its type only ever widens; new
 * paths become new columns after them, in path order. No file or database access: the same inputs, the same view.
 */
final class ColumnInference {
    /** More attribute columns than this in one view are left out (and reported): no BI tool wants them. */
    static final int MAX_COLUMNS = 1_000;

    /** The new view and what changed to get there. */
    record Result(EntitySchemaView view, List<String> added, List<String> widened, List<String> leftOut) {
    }

    private ColumnInference() {
    }

    /**
     * @param previous  the view as registered, or null for a schema seen for the first time
     * @param name      the view's name (kept from {@code previous} when there is one)
     * @param sampled   the ClickHouse types seen at each path of the payload
     */
    static Result infer(String schema, EntitySchemaView previous, String name, Map<List<String>, Set<String>> sampled) {
        Map<List<String>, AttributeColumn> columns = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        EntitySchemaView.BASE_COLUMNS.forEach(c -> taken.add(c.toLowerCase(Locale.ROOT)));
        List<String> conflicts = new ArrayList<>(previous == null ? List.of() : previous.conflicts());
        List<String> added = new ArrayList<>();
        List<String> widened = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        if (previous != null) {
            for (AttributeColumn c : previous.columns()) {
                columns.put(c.path(), c);
                taken.add(c.name().toLowerCase(Locale.ROOT));
            }
        }
        List<List<String>> paths = sampled.keySet().stream().filter(p -> !EntitySchemaView.BASE_PATHS.contains(p))
                .sorted(Comparator.comparing(p -> String.join("\u0000", p))).toList();
        for (List<String> path : paths) {
            AttributeType seen = null;
            for (String type : sampled.get(path)) {
                AttributeType t = AttributeType.fromInferred(type);
                seen = seen == null ? t : seen.widen(t);
            }
            AttributeColumn known = columns.get(path);
            AttributeType before = known == null ? null : known.type();
            AttributeType type = before == null ? seen : before.widen(seen);
            if (known == null) {
                if (columns.size() >= MAX_COLUMNS) {
                    leftOut.add(String.join(".", path));
                    continue;
                }
                known = new AttributeColumn(SafeNames.unique(SafeNames.of(path), "", taken), path, type);
                added.add(known.name() + " " + type);
            }
            Set<AttributeType> distinct = sampled.get(path).stream().map(AttributeType::fromInferred)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (before != null) {
                distinct.add(before);
            }
            if (distinct.size() > 1) {
                String line = String.join(".", path) + ": " + distinct.stream().map(AttributeType::toString)
                        .collect(Collectors.joining(", ")) + " -> " + type;
                if (!conflicts.contains(line)) {
                    conflicts.add(line);
                    widened.add(line);
                }
            }
            columns.put(path, known.withType(type));
        }
        return new Result(new EntitySchemaView(schema, name, List.copyOf(columns.values()), conflicts), added, widened,
                leftOut);
    }
}
