package io.lakegate.proxy.sql;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * What ClickHouse's SQL allows that standard SQL does not, as far as Calcite's validator models it: Calcite's lenient
 * rules (GROUP BY and HAVING by alias, ...), LEFT SEMI/ANTI JOIN, and aliases of the SELECT list used in the same list, anywhere in it
 * ({@code SELECT [1, 2] AS a, length(a)}).
 */
final class ClickHouseConformance extends SqlDelegatingConformance {
    static final ClickHouseConformance INSTANCE = new ClickHouseConformance();

    private ClickHouseConformance() {
        super(SqlConformanceEnum.LENIENT);
    }

    /** Lets the validator read the syntax of other dialects the grammar has, such as LEFT SEMI JOIN. */
    @Override
    public boolean isLiberal() {
        return true;
    }

    @Override
    public SelectAliasLookup isSelectAlias() {
        return SelectAliasLookup.ANY;
    }
}
