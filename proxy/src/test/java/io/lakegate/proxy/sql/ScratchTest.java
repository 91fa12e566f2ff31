package io.lakegate.proxy.sql;

import io.lakegate.proxy.catalog.TenantCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

class ScratchTest {
    @Test
    void run() throws Exception {
        List<TenantCatalog.Column> cols = List.of(new TenantCatalog.Column("org_id", "String", 1, ""),
                new TenantCatalog.Column("entity_id", "String", 2, ""), new TenantCatalog.Column("_tags", "Array(String)", 3, ""),
                new TenantCatalog.Column("timestamp", "DateTime64(3)", 4, ""), new TenantCatalog.Column("schema", "String", 5, ""),
                new TenantCatalog.Column("detail", "String", 6, ""));
        TenantCatalog catalog = new TenantCatalog("16581729", "datawarehouse",
                List.of(new TenantCatalog.Table("entity_operations", "16581729_entity_operations", cols, List.of()),
                        new TenantCatalog.Table("current_entities_final", "16581729_current_entities_final", cols, List.of())), Map.of());
        TenantSqlRewriter rewriter = new TenantSqlRewriter(new ClickHouseFunctions(Set.of("count", "max", "sum", "any", "min"), Set.of(), List.of()));
        StringBuilder out = new StringBuilder();
        for (String sql : Files.readAllLines(Path.of("/tmp/scratch.sql"))) {
            if (sql.isBlank()) continue;
            try {
                System.out.println("OK   " + sql + "\n  -> " + rewriter.rewrite(sql, catalog).sql());
                out.append(sql).append("\n=> ").append(rewriter.rewrite(sql, catalog).sql().replaceAll("\\s+", " ")).append("\n");
            } catch (TenantSqlException e) {
                out.append(sql).append("\n!! ").append(e.getMessage()).append("\n");
                System.out.println("FAIL " + sql + "\n  -> " + e);
            } catch (Exception e) {
                System.out.println("FAIL " + sql + "\n  -> " + e); if (e.getCause() != null) e.getCause().printStackTrace(System.out);
            }
        }
        Files.writeString(Path.of("/tmp/cases.out"), out);
    }
}
