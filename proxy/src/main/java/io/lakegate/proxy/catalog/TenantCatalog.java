package io.lakegate.proxy.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one tenant may see: its org's views in one database, each reachable by its full name
 * ({@code 16581729_entity_operations}) and by its name without the org prefix ({@code entity_operations}).
 */
public final class TenantCatalog {
    /** A column as ClickHouse describes it. */
    public record Column(String name, String type, int position, String comment) {
    }

    /**
     * One tenant table.
     *
     * @param name     the name without the org prefix, e.g. {@code entity_operations}
     * @param physical the org's view, e.g. {@code 16581729_entity_operations}
     */
    public record Table(String name, String physical, List<Column> columns) {
    }

    private final String orgId;
    private final String database;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Table> byAnyName = new LinkedHashMap<>();
    private final Map<String, String> rowFilters;

    /**
     * @param rowFilters for each table of the lake's database, the condition a row of it must meet for this org
     *                   ({@code org_id = '...'}, or {@code 0} for the gateway's own tables): the second line of
     *                   defence, applied by ClickHouse to every table a query reads, wherever in the query
     */
    public TenantCatalog(String orgId, String database, Collection<Table> tables, Map<String, String> rowFilters) {
        this.orgId = orgId;
        this.database = database;
        this.rowFilters = Collections.unmodifiableMap(new TreeMap<>(rowFilters));
        for (Table t : tables) {
            this.tables.put(t.name(), t);
            byAnyName.put(t.name(), t);
            byAnyName.put(t.physical(), t);
        }
    }

    public String orgId() {
        return orgId;
    }

    public String database() {
        return database;
    }

    /** The tables by their short names, in a stable order. */
    public Collection<Table> tables() {
        return tables.values();
    }

    /** Every name a tenant may use for a table: short and full. */
    public Set<String> tableNames() {
        return byAnyName.keySet();
    }

    /** Looks a table up by its short or full name, exactly as written (names are case-sensitive). */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(byAnyName.get(name));
    }

    /** Table ({@code database.table}) to the condition its rows must meet for this org. */
    public Map<String, String> rowFilters() {
        return rowFilters;
    }

    public Set<String> columnNames() {
        Set<String> names = new TreeSet<>();
        tables.values().forEach(t -> t.columns().forEach(c -> names.add(c.name())));
        return names;
    }
}
