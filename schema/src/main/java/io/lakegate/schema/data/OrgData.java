package io.lakegate.schema.data;

import io.lakegate.schema.OrgId;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-org constants every generator of that org shares, all derived from the seed and the org id: its journeys,
 * workflow definitions, users, closing reasons and its entity catalog. Immutable; one instance per org per run.
 */
final class OrgData {
    /** A journey (a configurable web form) and its steps, 1-based in funnels. */
    record Journey(String id, String name, String slug, List<String> steps, double weight) {
    }

    record TaskTemplate(String name, boolean automation) {
    }

    record PhaseTemplate(String name, List<TaskTemplate> tasks) {
    }

    /** A workflow definition: phases of tasks, run on an entity of {@code schema}. */
    record Definition(String id, String name, String schema, List<PhaseTemplate> phases, double weight) {
    }

    record ClosingReason(String id, String title) {
    }

    private static final Object[][] JOURNEYS = {
        {"Wallbox", 5.0, new String[] {"Start", "Fahrzeug", "Stellplatz", "Stromanschluss", "Kontaktdaten",
            "Zusammenfassung"}},
        {"Photovoltaik", 5.0, new String[] {"Start", "Dachform", "Dachfläche", "Stromverbrauch", "Speicher",
            "Kontaktdaten", "Zusammenfassung"}},
        {"Wärmepumpe", 4.0, new String[] {"Start", "Gebäude", "Heizung", "Wohnfläche", "Kontaktdaten",
            "Zusammenfassung"}},
        {"Energieausweis", 3.0, new String[] {"Start", "Gebäudedaten", "Verbrauch", "Kontaktdaten", "Zahlung"}},
        {"Stromspeicher", 1.5, new String[] {"Start", "Anlage", "Verbrauch", "Kontaktdaten"}},
        {"Balkonkraftwerk", 1.5, new String[] {"Start", "Balkon", "Ausrichtung", "Kontaktdaten", "Bestellung"}},
        {"Zählerstand melden", 2.0, new String[] {"Zählernummer", "Zählerstand", "Bestätigung"}},
        {"Tarifwechsel", 1.0, new String[] {"Start", "Verbrauch", "Tarif", "Bankdaten", "Kontaktdaten",
            "Zusammenfassung"}},
    };

    private static final Object[][] DEFINITIONS = {
        {"Wallbox Installation", "opportunity", 4.0, new String[][] {
            {"Qualifizierung", "Kunden anrufen", "Fotos anfordern", "@Bestätigungs-E-Mail senden"},
            {"Angebot", "Angebot erstellen", "Angebot versenden", "Nachfassen"},
            {"Installation", "Termin vereinbaren", "Installation durchführen", "Abnahmeprotokoll hochladen"},
            {"Abschluss", "@Rechnung erstellen", "Feedback einholen"}}},
        {"Photovoltaik Projekt", "opportunity", 4.0, new String[][] {
            {"Erstberatung", "Kunden anrufen", "Dachdaten prüfen"},
            {"Planung", "Vor-Ort-Termin", "Anlagenplanung", "Wirtschaftlichkeitsberechnung"},
            {"Angebot", "Angebot erstellen", "Angebot versenden", "Vertrag unterschreiben lassen"},
            {"Umsetzung", "Material bestellen", "Montage", "Netzanmeldung", "@Inbetriebnahme melden"}}},
        {"Wärmepumpe Angebot", "opportunity", 3.0, new String[][] {
            {"Bedarf", "Heizlast ermitteln", "Förderung prüfen"},
            {"Angebot", "Angebot erstellen", "@Angebot per E-Mail senden", "Nachfassen"}}},
        {"Energieausweis erstellen", "order", 2.0, new String[][] {
            {"Daten", "Unterlagen prüfen", "Rückfragen klären"},
            {"Erstellung", "Ausweis berechnen", "@Ausweis versenden"}}},
        {"Vertragswechsel", "contract", 1.5, new String[][] {
            {"Prüfung", "Vertragsdaten prüfen", "Bonität prüfen"},
            {"Wechsel", "@Kündigung beim Altversorger", "Bestätigung senden"}}},
        {"Zählerwechsel", "meter", 1.0, new String[][] {
            {"Planung", "Termin vereinbaren", "Messstellenbetreiber informieren"},
            {"Durchführung", "Zähler tauschen", "@Zählerstände übermitteln"}}},
    };

    private static final String[] CLOSING_REASONS = {"Kunde hat abgesagt", "Doppelte Anfrage", "Kein Bedarf mehr",
        "Technisch nicht umsetzbar", "Keine Rückmeldung", "Zu teuer", "Anderer Anbieter gewählt"};

    final String org;
    final long seed;
    final long from;
    final long to;
    final String domain;
    final List<Journey> journeys;
    final double[] journeyWeights;
    final List<Definition> definitions;
    final double[] definitionWeights;
    final List<ClosingReason> closingReasons;
    final List<String> users;
    final EntityCatalog entities;

    OrgData(OrgId orgId, GeneratorSettings settings) {
        this.org = orgId.value();
        this.seed = settings.seed();
        this.from = settings.fromMillis();
        this.to = settings.toMillis();
        Rng rng = Rng.derive(seed, org, "org");
        this.domain = Names.ascii(rng.pick(Names.COMPANY_STEMS)) + "-" + org.substring(0, Math.min(4, org.length()))
                + ".de";
        List<Journey> js = new ArrayList<>();
        for (Object[] j : JOURNEYS) {
            String name = (String) j[0];
            js.add(new Journey(rng.uuid(), name, Names.ascii(name), List.of((String[]) j[2]), (Double) j[1]));
        }
        this.journeys = List.copyOf(js);
        this.journeyWeights = js.stream().mapToDouble(Journey::weight).toArray();
        List<Definition> ds = new ArrayList<>();
        for (Object[] d : DEFINITIONS) {
            List<PhaseTemplate> phases = new ArrayList<>();
            for (String[] p : (String[][]) d[3]) {
                List<TaskTemplate> tasks = new ArrayList<>();
                for (int i = 1; i < p.length; i++) {
                    boolean automation = p[i].startsWith("@");
                    tasks.add(new TaskTemplate(automation ? p[i].substring(1) : p[i], automation));
                }
                phases.add(new PhaseTemplate(p[0], List.copyOf(tasks)));
            }
            ds.add(new Definition(rng.uuid(), (String) d[0], (String) d[1], List.copyOf(phases), (Double) d[2]));
        }
        this.definitions = List.copyOf(ds);
        this.definitionWeights = ds.stream().mapToDouble(Definition::weight).toArray();
        List<ClosingReason> reasons = new ArrayList<>();
        for (String title : CLOSING_REASONS) {
            reasons.add(new ClosingReason(rng.uuid(), title));
        }
        this.closingReasons = List.copyOf(reasons);
        List<String> us = new ArrayList<>();
        int userCount = rng.between(8, 25);
        for (int i = 0; i < userCount; i++) {
            us.add(String.valueOf(10_000_000 + rng.nextInt(90_000_000)));
        }
        this.users = List.copyOf(us);
        this.entities = new EntityCatalog(this, settings.entities());
    }

    Journey journey(Rng rng) {
        return journeys.get(rng.weighted(journeyWeights));
    }

    Definition definition(Rng rng) {
        return definitions.get(rng.weighted(definitionWeights));
    }

    String user(Rng rng) {
        return users.get(rng.nextInt(users.size()));
    }
}
