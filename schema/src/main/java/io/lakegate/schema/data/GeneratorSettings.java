package io.lakegate.schema.data;

import io.lakegate.schema.OrgId;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code lakegate generate} makes: for each org, about {@link #ROWS_PER_ORG_AT_SCALE_1} rows per unit of
 * {@code scale} over the four datasets, with times in [{@code from}, {@code to}) (UTC days, {@code to} exclusive),
 * all derived from {@code seed}.
 */
public record GeneratorSettings(List<OrgId> orgs, double scale, long seed, LocalDate from, LocalDate to, int threads) {
    public static final int ROWS_PER_ORG_AT_SCALE_1 = 100_000;
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2024, 1, 1);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2025, 1, 1);

    public GeneratorSettings {
        if (orgs == null || orgs.isEmpty()) {
            throw new IllegalArgumentException("No orgs to generate data for: give --orgs or --org-count");
        }
        if (new LinkedHashSet<>(orgs).size() != orgs.size()) {
            throw new IllegalArgumentException("--orgs lists an org more than once");
        }
        if (!(scale > 0) || scale > 100_000) {
            throw new IllegalArgumentException("--scale must be a number above 0 (1 = about " + ROWS_PER_ORG_AT_SCALE_1
                    + " rows per org) and at most 100000, not " + scale);
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("--from (" + from + ") must be a day before --to (" + to + ")");
        }
        if (from.getYear() < 1970 || to.getYear() > 2200) {
            throw new IllegalArgumentException("--from and --to must lie between 1970 and 2200");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be 1 or more");
        }
        orgs = List.copyOf(orgs);
    }

    /** {@code count} distinct eight-digit org ids (like 16581729) derived from {@code seed}. */
    public static List<OrgId> orgIds(long seed, int count) {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("--org-count must be between 1 and 100000, not " + count);
        }
        Rng rng = Rng.derive(seed, "orgs");
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < count) {
            ids.add(String.valueOf(10_000_000 + rng.nextInt(90_000_000)));
        }
        List<OrgId> orgs = new ArrayList<>();
        ids.forEach(id -> orgs.add(new OrgId(id)));
        return orgs;
    }

    public long fromMillis() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public long toMillis() {
        return to.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** How many of each kind an org gets at this scale. */
    public int entities() {
        return count(4000, 100);
    }

    public int executions() {
        return count(1000, 10);
    }

    public int journeySessions() {
        return count(6000, 20);
    }

    public int portalSessions() {
        return count(3000, 20);
    }

    private int count(int atScale1, int minimum) {
        double n = Math.rint(atScale1 * scale);
        if (n > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("--scale " + scale + " is too large for one org: use more orgs");
        }
        return Math.max(minimum, (int) n);
    }

    /** A rough total, for the progress bar before the real count is known. */
    public long estimatedRows() {
        double perOrg = entities() * 3.35 + executions() * 15.1 + journeySessions() * 5.9 + portalSessions() * 11.4;
        return Math.round(perOrg * orgs.size());
    }
}
