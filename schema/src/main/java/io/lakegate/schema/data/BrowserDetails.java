package io.lakegate.schema.data;

import java.util.Map;

import static io.lakegate.schema.data.Json.obj;

/** The browser facts journey and portal sessions carry in {@code details}. */
final class BrowserDetails {
    private static final String[] DEVICES = {"Desktop", "Mobile", "Tablet"};
    private static final double[] DEVICE_WEIGHTS = {55, 38, 7};
    private static final String[][] OS = {
        {"Windows 10", "Windows 11", "Windows 11", "macOS 14", "macOS 15", "Linux", "ChromeOS"},
        {"iOS 17", "iOS 18", "Android 13", "Android 14", "Android 15"},
        {"iPadOS 17", "iPadOS 18", "Android 14"}};
    private static final String[][] SCREENS = {
        {"1920x1080", "2560x1440", "1366x768", "1536x864", "1440x900", "3840x2160", "1680x1050"},
        {"390x844", "393x873", "412x915", "375x667", "430x932", "360x800"},
        {"820x1180", "768x1024", "1024x1366", "800x1280"}};
    private static final String[] LANGUAGES = {"de-DE", "de-DE", "de-DE", "de-DE", "de-DE", "de-DE", "de-AT",
        "de-CH", "en-US", "en-GB", "tr-TR", "fr-FR", "pl-PL"};

    private BrowserDetails() {
    }

    /** deviceType, osType, browserTypeAndVersion, screenResolution, viewportSize, colorDepth, languagePreference, ip. */
    static Map<String, Object> common(Rng rng) {
        int device = rng.weighted(DEVICE_WEIGHTS);
        String os = rng.pick(OS[device]);
        String browser;
        if (os.startsWith("iOS") || os.startsWith("iPadOS") || os.startsWith("macOS") && rng.chance(0.5)) {
            browser = "Safari " + rng.between(16, 18) + "." + rng.nextInt(4);
        } else {
            browser = switch (rng.nextInt(6)) {
                case 0, 1, 2 -> "Chrome " + rng.between(120, 131) + ".0.0.0";
                case 3 -> "Firefox " + rng.between(120, 133) + ".0";
                case 4 -> device == 1 && os.startsWith("Android") ? "Samsung Internet " + rng.between(23, 27) + ".0"
                        : "Edge " + rng.between(120, 131) + ".0.0.0";
                default -> "Edge " + rng.between(120, 131) + ".0.0.0";
            };
        }
        String screen = rng.pick(SCREENS[device]);
        int x = screen.indexOf('x');
        int w = Integer.parseInt(screen.substring(0, x));
        int h = Integer.parseInt(screen.substring(x + 1));
        String viewport = (device == 0 ? w - rng.between(0, 40) : w) + "x" + (h - rng.between(60, 200));
        return obj("deviceType", DEVICES[device],
                "osType", os,
                "browserTypeAndVersion", browser,
                "screenResolution", screen,
                "viewportSize", viewport,
                "colorDepth", rng.chance(0.85) ? 24 : rng.chance(0.5) ? 30 : 32,
                "languagePreference", rng.pick(LANGUAGES),
                "ip", ip(rng));
    }

    private static String ip(Rng rng) {
        // public-looking, last octet anonymized as the product does for analytics
        int a = rng.pick(new Integer[] {2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 84, 87, 91, 93, 95, 109, 178, 188,
            212, 217});
        return a + "." + rng.nextInt(256) + "." + rng.nextInt(256) + ".0";
    }
}
