package io.lakegate.proxy.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The functions a tenant may call: those of the server's {@code system.functions} that {@code allowed-functions.txt}
 * names and {@code excluded-functions.txt} does not exclude, both reviewed and checked into the repository. A function
 * the server has that neither file names is new (a ClickHouse upgrade brought it): it is refused until reviewed, and
 * named at start-up with the excluded ones, so that an upgrade is reviewed rather than trusted.
 */
public final class FunctionAllowlist {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionAllowlist.class);

    /** What the lists say of a function: allowed, excluded, on the server but not reviewed, or no function at all. */
    public enum Verdict { ALLOWED, EXCLUDED, UNREVIEWED, UNKNOWN }

    /** A reviewed exclusion: a pattern of names and the reason, the heading of its group in the file. */
    record Exclusion(Pattern names, String reason) {
    }

    private final Set<String> allowed;
    /**
     * Allowed names by their lower case: ClickHouse reads SQL's function words (TRIM, COUNT) and its case-insensitive
     * functions in any case. A name that is also excluded in some case ({@code FQDN}, {@code fqdn}) is not among them.
     */
    private final Set<String> allowedAnyCase;
    private final Set<String> aggregates;
    /** The server's excluded functions to the reason, as the server names them and by their lower case. */
    private final Map<String, String> excluded;
    private final Map<String, String> excludedAnyCase;
    private final List<Exclusion> exclusions;
    private final Set<String> unreviewed;
    private final List<String> combinators;

    private FunctionAllowlist(Set<String> allowed, Set<String> aggregates, Map<String, String> excluded,
                              List<Exclusion> exclusions, Set<String> unreviewed, List<String> combinators) {
        this.exclusions = List.copyOf(exclusions);
        this.allowed = Set.copyOf(allowed);
        this.excluded = Map.copyOf(excluded);
        this.excludedAnyCase = new HashMap<>();
        excluded.forEach((name, reason) -> excludedAnyCase.put(name.toLowerCase(Locale.ROOT), reason));
        this.allowedAnyCase = allowed.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .filter(lower -> !excludedAnyCase.containsKey(lower)).collect(Collectors.toUnmodifiableSet());
        this.aggregates = Set.copyOf(aggregates);
        this.unreviewed = Set.copyOf(unreviewed);
        this.combinators = combinators;
    }

    /** The server's functions reviewed against the lists in the repository; logs what is excluded and what is new. */
    public static FunctionAllowlist review(ServerFunctions server) {
        FunctionAllowlist list = review(server, reviewedNames(), exclusions());
        LOG.info("Tenants may call {} functions of this ClickHouse; {} are excluded: {}", list.allowed.size(),
                list.excluded.size(), list.excludedByReason());
        if (!list.unreviewed.isEmpty()) {
            LOG.warn("This ClickHouse has {} functions no one has reviewed; tenants may not call them until they are "
                    + "added to allowed-functions.txt or excluded-functions.txt (io/lakegate/proxy/policy): {}",
                    list.unreviewed.size(), String.join(", ", new TreeSet<>(list.unreviewed)));
        }
        return list;
    }

    static FunctionAllowlist review(ServerFunctions server, Set<String> reviewed, List<Exclusion> exclusions) {
        Set<String> allowed = new TreeSet<>();
        Set<String> aggregates = new TreeSet<>();
        Map<String, String> excluded = new TreeMap<>();
        Set<String> unreviewed = new TreeSet<>();
        for (ServerFunctions.Function f : server.functions()) {
            // an alias is excluded with the function it names: authUser is currentUser
            Optional<String> reason = reason(f.name(), exclusions)
                    .or(() -> f.aliasTo().isEmpty() ? Optional.empty() : reason(f.aliasTo(), exclusions));
            if (reason.isPresent()) {
                excluded.put(f.name(), reason.get());
            } else if (reviewed.contains(f.name())) {
                allowed.add(f.name());
                if (f.aggregate()) {
                    aggregates.add(f.name());
                }
            } else {
                unreviewed.add(f.name());
            }
        }
        return new FunctionAllowlist(allowed, aggregates, excluded, exclusions, unreviewed, server.combinators());
    }

    private static Optional<String> reason(String name, List<Exclusion> exclusions) {
        return exclusions.stream().filter(e -> e.names().matcher(name).matches()).map(Exclusion::reason).findFirst();
    }

    /** What the policy says of a call of {@code name}; an aggregate with combinators is its aggregate's. */
    public Verdict verdict(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (allowed.contains(name) || allowedAnyCase.contains(lower)) {
            return Verdict.ALLOWED;
        }
        if (exclusionReason(name).isPresent()) {
            return Verdict.EXCLUDED;
        }
        if (combinedAggregate(name)) {
            return Verdict.ALLOWED;
        }
        return unreviewed.contains(name) ? Verdict.UNREVIEWED : Verdict.UNKNOWN;
    }

    /** True if {@code name} is an allowed aggregate with one or more combinators ({@code uniqExactArrayIf}). */
    private boolean combinedAggregate(String name) {
        for (String combinator : combinators) {
            if (name.length() > combinator.length() && name.endsWith(combinator)) {
                String base = name.substring(0, name.length() - combinator.length());
                if (aggregates.contains(base) || combinedAggregate(base)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The reason {@code name} is excluded, as excluded-functions.txt gives it, if it is: by a pattern of the file, or as
     * the server's other name of an excluded function.
     */
    public Optional<String> exclusionReason(String name) {
        return Optional.ofNullable(excludedAnyCase.get(name.toLowerCase(Locale.ROOT)))
                .or(() -> reason(name, exclusions));
    }

    /** The excluded functions by the reason they are excluded for. */
    public Map<String, Set<String>> excludedByReason() {
        Map<String, Set<String>> byReason = new LinkedHashMap<>();
        excluded.forEach((name, reason) -> byReason.computeIfAbsent(reason, r -> new TreeSet<>()).add(name));
        return byReason;
    }

    /** The server's functions that neither list names. */
    public Set<String> unreviewed() {
        return unreviewed;
    }

    static Set<String> reviewedNames() {
        Set<String> names = new TreeSet<>();
        for (String line : lines("allowed-functions.txt")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                names.add(line);
            }
        }
        return names;
    }

    static List<Exclusion> exclusions() {
        List<Exclusion> exclusions = new ArrayList<>();
        String reason = null;
        for (String line : lines("excluded-functions.txt")) {
            if (line.startsWith("## ")) {
                reason = line.substring(3);
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                exclusions.add(new Exclusion(Pattern.compile("(?:" + line + ")", Pattern.CASE_INSENSITIVE),
                        Objects.requireNonNull(reason, "excluded-functions.txt: a pattern before any group")));
            }
        }
        return exclusions;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(FunctionAllowlist.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reviewed function list " + resource, e);
        }
        return lines;
    }
}
