package io.lakegate.proxy.admin;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The credentials page: three static files (HTML, CSS, plain browser JavaScript) from the class path, nothing built.
 * The page asks for an admin token and calls the API with it; the files themselves hold nothing secret, so they are
 * served without one. The content security policy lets the page load only its own files and talk only to this port.
 */
final class CredentialsPage {
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/ui/style.css", new String[] {"style.css", "text/css; charset=utf-8"},
            "/ui/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"});

    private CredentialsPage() {
    }

    static boolean serves(String path) {
        return FILES.containsKey(path);
    }

    static void serve(HttpExchange exchange, String path) throws IOException {
        String[] file = FILES.get(path);
        byte[] bytes;
        try (InputStream in = CredentialsPage.class.getResourceAsStream("/lakegate/admin/" + file[0])) {
            bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", file[1]);
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
