package io.lakegate.schema.data;

/** Pools of realistic values (a German energy-sector customer base, like the product's). */
final class Names {
    static final String[] FIRST = {"Anna", "Lukas", "Mia", "Leon", "Emma", "Finn", "Hannah", "Jonas", "Lea", "Paul",
        "Sophie", "Felix", "Marie", "Elias", "Laura", "Noah", "Lena", "Ben", "Julia", "Tim", "Sarah", "Jan", "Lisa",
        "Max", "Katharina", "Tobias", "Sandra", "Stefan", "Zeynep", "Mehmet", "Aylin", "Jürgen", "Sabine", "Björn",
        "Jörg", "Ömer", "Renée", "Dominik", "Claudia", "Thomas"};
    static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause",
        "Meier", "Lehmann", "Yılmaz", "Kaya", "Nowak", "Kowalski", "Öztürk", "Groß", "Weiß", "Jäger"};
    static final String[] CITIES = {"Köln", "Berlin", "Hamburg", "München", "Frankfurt am Main", "Stuttgart",
        "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg",
        "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Freiburg"};
    static final String[] STREETS = {"Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße",
        "Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Schillerstraße",
        "Goethestraße", "Am Sonnenhang", "Mühlenweg", "Rosenstraße"};
    static final String[] COMPANY_STEMS = {"Sonnenstrom", "Elektro Wagner", "Haustechnik Nord", "Solarprofi",
        "Energiewerk", "Heizung & Bad Krause", "Dachdecker Schulz", "Netzwerk Energie", "Volta Installationen",
        "Grünwatt", "Stadtwerke Süd", "Wärme Plus", "EnerKraft", "Lichtblick Service"};
    static final String[] COMPANY_FORMS = {"GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)"};
    static final String[] EMAIL_DOMAINS = {"gmail.com", "web.de", "gmx.de", "t-online.de", "outlook.com",
        "yahoo.de", "posteo.de"};
    static final String[] TAGS = {"b2c", "b2b", "hot", "warm", "cold", "priority", "newsletter", "partner",
        "callback", "vip", "foerderung", "referral"};
    static final String[] PURPOSES = {"sales", "service", "billing", "installation", "marketing"};

    private Names() {
    }

    static String ascii(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss").replace("ı", "i").replace("é", "e").replaceAll("[^a-z0-9]+", "");
    }

    static String email(String first, String last, Rng rng) {
        return ascii(first) + "." + ascii(last) + (rng.chance(0.3) ? String.valueOf(rng.between(1, 99)) : "") + "@"
                + rng.pick(EMAIL_DOMAINS);
    }

    static String phone(Rng rng) {
        return "+49 " + rng.between(151, 179) + " " + rng.between(1_000_000, 9_999_999);
    }

    static String company(Rng rng) {
        return rng.pick(COMPANY_STEMS) + " " + rng.pick(COMPANY_FORMS);
    }
}
