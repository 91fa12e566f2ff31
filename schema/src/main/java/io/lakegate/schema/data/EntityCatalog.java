package io.lakegate.schema.data;

/**
 * The entities of one org, each a pure function of (seed, org, index): its id, schema, title and the times of its
 * create, updates and (sometimes) delete. The entity generator writes their histories; the workflow and portal
 * generators pick entities from here to reference, so every reference points at an entity that exists.
 */
final class EntityCatalog {
    static final String[] SCHEMAS = {"opportunity", "contact", "account", "order", "product", "contract", "meter",
        "file"};
    /** Share of each schema, in entities per hundred. */
    private static final int[] PER_HUNDRED = {25, 20, 8, 10, 4, 12, 10, 11};
    /** Schema (index into SCHEMAS) of each of the hundred slots; interleaved so the first eight cover every schema. */
    private static final int[] SLOT_SCHEMA = new int[100];
    private static final int[][] SLOTS_OF = new int[SCHEMAS.length][];
    /** Opportunities come from the first six journeys (the others are service journeys). */
    private static final int OPPORTUNITY_JOURNEYS = 6;

    static {
        int[] left = PER_HUNDRED.clone();
        int[] filled = new int[SCHEMAS.length];
        for (int s = 0; s < SCHEMAS.length; s++) {
            SLOTS_OF[s] = new int[PER_HUNDRED[s]];
        }
        int slot = 0;
        while (slot < 100) {
            for (int s = 0; s < SCHEMAS.length && slot < 100; s++) {
                if (left[s] > 0) {
                    left[s]--;
                    SLOT_SCHEMA[slot] = s;
                    SLOTS_OF[s][filled[s]++] = slot;
                    slot++;
                }
            }
        }
    }

    /** One entity: identity, title material and the times of its operations (create first, delete last if any). */
    record Spec(int index, String id, String schema, long[] times, boolean deleted, String title, String first,
                String last, OrgData.Journey journey, int number, String owner) {
        long createdAt() {
            return times[0];
        }

        long lastAt() {
            return times[times.length - 1];
        }
    }

    private final OrgData org;
    private final int count;

    EntityCatalog(OrgData org, int count) {
        this.org = org;
        this.count = count;
    }

    int count() {
        return count;
    }

    static String schemaOf(int index) {
        return SCHEMAS[SLOT_SCHEMA[index % 100]];
    }

    Spec spec(int index) {
        Rng rng = Rng.derive(org.seed, org.org, "entity", index);
        String schema = schemaOf(index);
        String id = rng.uuid();
        long span = org.to - org.from;
        long created = org.from + rng.nextLong(Math.max(1, (long) (span * 0.97)));
        long[] times = new long[16];
        int n = 0;
        times[n++] = created;
        long t = created;
        while (n < 14 && rng.chance(0.7)) {
            t += 60_000 + (long) rng.exponential(4 * 86_400_000.0);
            if (t >= org.to) {
                break;
            }
            times[n++] = t;
        }
        boolean deleted = false;
        if (rng.chance(0.08)) {
            long d = t + 60_000 + (long) rng.exponential(10 * 86_400_000.0);
            if (d < org.to) {
                times[n++] = d;
                deleted = true;
            }
        }
        String first = rng.pick(Names.FIRST);
        String last = rng.pick(Names.LAST);
        int number = rng.between(10_000, 999_999);
        OrgData.Journey journey = null;
        if (schema.equals("opportunity") && rng.chance(0.92)) {
            double[] weights = new double[OPPORTUNITY_JOURNEYS];
            for (int i = 0; i < OPPORTUNITY_JOURNEYS; i++) {
                weights[i] = org.journeys.get(i).weight();
            }
            journey = org.journeys.get(rng.weighted(weights));
        }
        String owner = org.user(rng);
        String title = switch (schema) {
            case "opportunity" -> (journey == null ? "Anfrage" : journey.name()) + " – " + first + " " + last;
            case "contact" -> first + " " + last;
            case "account" -> last + " " + rng.pick(Names.COMPANY_FORMS);
            case "order" -> "Bestellung B-" + number;
            case "product" -> rng.pick(new String[] {"Wallbox 11 kW", "Wallbox 22 kW", "PV-Modul 420 Wp",
                "Stromspeicher 10 kWh", "Wärmepumpe 9 kW", "Ökostrom Basis", "Ökostrom Flex", "Gas Komfort",
                "Balkonkraftwerk 800 W", "Energieausweis Verbrauch"}) + " (" + number % 1000 + ")";
            case "contract" -> "Vertrag V-" + number;
            case "meter" -> "Zähler 1ESY" + number;
            default -> rng.pick(new String[] {"Angebot", "Rechnung", "Foto_Zählerschrank", "Lageplan",
                "Abnahmeprotokoll", "Vollmacht"}) + "_" + Names.ascii(last) + "_" + number + ".pdf";
        };
        return new Spec(index, id, schema, java.util.Arrays.copyOf(times, n), deleted, title, first, last, journey,
                number, owner);
    }

    /**
     * An entity of {@code schema} that exists (created) by {@code notAfter} and is not deleted, if a few random tries
     * find one; else an entity of that schema that at least exists.
     */
    Spec pick(Rng rng, String schema, long notAfter) {
        int s = java.util.Arrays.asList(SCHEMAS).indexOf(schema);
        int blocks = (count + 99) / 100;
        Spec fallback = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            int index = rng.nextInt(blocks) * 100 + SLOTS_OF[s][rng.nextInt(SLOTS_OF[s].length)];
            if (index >= count) {
                continue;
            }
            Spec spec = spec(index);
            if (!spec.deleted() && spec.createdAt() <= notAfter) {
                return spec;
            }
            if (fallback == null || (!spec.deleted() && fallback.deleted())) {
                fallback = spec;
            }
        }
        // count >= 100, so the first block holds every schema
        return fallback != null ? fallback : spec(SLOTS_OF[s][rng.nextInt(SLOTS_OF[s].length)]);
    }
}
