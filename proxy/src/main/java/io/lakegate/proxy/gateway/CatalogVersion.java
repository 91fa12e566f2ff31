package io.lakegate.proxy.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lakegate.proxy.catalog.TenantCatalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an org's catalog holds, as one digest: its org, database, views with their columns, and row filters.
 * The catalog is read again from ClickHouse every few seconds; a catalog read again unchanged has the same version,
 * one whose views changed has another, so what was worked out from it (plans, answers) is kept exactly as long as it
 * holds.
 */
final class CatalogVersion {
    /** Each catalog's digest, worked out once: held only as long as the catalog itself is. */
    private static final Cache<TenantCatalog, String> VERSIONS = Caffeine.newBuilder().weakKeys().build();

    private CatalogVersion() {
    }

    static String of(TenantCatalog catalog) {
        return VERSIONS.get(catalog, CatalogVersion::digest);
    }

    private static String digest(TenantCatalog catalog) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // records print every component, in order
            for (Object part : new Object[] {catalog.orgId(), catalog.database(), catalog.tables(),
                    catalog.rowFilters()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
