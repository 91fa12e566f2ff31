package io.lakegate.app;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import picocli.CommandLine.Command;
import io.lakegate.schema.entity.EntityViews;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code lakegate org ...}: provisions the organizations (tenants) and their views. */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = "Adds, removes and lists organizations. Adding an org creates its views ({org}_entity_operations, "
                + "{org}_current_entities_final, ...); running it again changes nothing.",
        subcommands = picocli.CommandLine.HelpCommand.class)
final class OrgCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Provisions one or more orgs.")
    int add(@Mixin ClickHouseOptions ch,
            @Parameters(paramLabel = "ORG", arity = "1..*", description = "Org ids: numbers or UUIDs.")
            List<String> orgs) throws Exception {
        List<OrgId> ids = orgs.stream().map(OrgId::new).toList();
        Optional<RunningGateway> running = RunningGateway.find(ch);
        if (running.isPresent()) {
            int changed = 0;
            for (OrgId id : ids) {
                changed += running.get().call("POST", "/api/orgs", JSON.createObjectNode().put("org_id", id.value()))
                        .path("created").asBoolean() ? 1 : 0;
            }
            System.out.println(changed + " org(s) provisioned, " + (ids.size() - changed) + " already up to date.");
            return 0;
        }
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            int changed = new OrgProvisioner(c, ch.settings(), null).add(ids);
            System.out.println(changed + " org(s) provisioned, " + (ids.size() - changed) + " already up to date.");
            // an org re-added with its data still in the lake gets its entity schema views back at once
            EntityViews views = new EntityViews(c, ch.settings(), null);
            for (OrgId id : ids) {
                views.refresh(id).describe().forEach(System.out::println);
            }
            return 0;
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Re-infers the typed columns of each org's entity schema views ({org}_opportunity_final, "
                    + "...) from a bounded sample of its current entities, and re-creates the views that changed: "
                    + "new schemas get a view, new attributes a column, a type conflict widens the column to the "
                    + "safe type (reported). Columns never disappear. Running it again with no new data changes "
                    + "nothing.", "`schema update` does the same for every org."})
    int refresh(@Mixin ClickHouseOptions ch,
                @Parameters(paramLabel = "ORG", arity = "1..*", description = "Org ids.") List<String> orgs,
                @Option(names = "--sample", defaultValue = "20000", paramLabel = "N",
                        description = "About how many entities of each schema to read (default: ${DEFAULT-VALUE}).")
                int sample) throws Exception {
        List<OrgId> ids = orgs.stream().map(OrgId::new).toList();
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            EntityViews views = new EntityViews(c, ch.settings(), null, sample);
            for (OrgId id : ids) {
                EntityViews.Refresh r = views.refresh(id);
                r.describe().forEach(System.out::println);
                System.out.println("Org " + id + ": " + r.changes().size() + " entity schema view(s) created or "
                        + "re-created, " + r.unchanged() + " unchanged.");
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Drops the views of one or more orgs and removes them from the registry. Their rows stay in "
                    + "the base tables.")
    int remove(@Mixin ClickHouseOptions ch,
               @Parameters(paramLabel = "ORG", arity = "1..*", description = "Org ids.") List<String> orgs)
            throws Exception {
        List<OrgId> ids = orgs.stream().map(OrgId::new).toList();
        Optional<RunningGateway> running = RunningGateway.find(ch);
        if (running.isPresent()) {
            List<String> known = new ArrayList<>();
            running.get().call("GET", "/api/orgs", null).forEach(o -> known.add(o.path("org_id").asText()));
            for (OrgId id : ids) {
                if (known.contains(id.value())) {
                    running.get().call("DELETE", "/api/orgs/" + RunningGateway.segment(id.value()), null);
                }
                removed(id, known.contains(id.value()));
            }
            return 0;
        }
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            OrgProvisioner provisioner = new OrgProvisioner(c, ch.settings(), null);
            for (OrgId id : ids) {
                removed(id, provisioner.remove(id));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists provisioned orgs and whether their views are at the current version.")
    int list(@Mixin ClickHouseOptions ch) throws Exception {
        Optional<RunningGateway> running = RunningGateway.find(ch);
        List<OrgProvisioner.Org> orgs = new ArrayList<>();
        if (running.isPresent()) {
            running.get().call("GET", "/api/orgs", null).forEach(o -> orgs.add(new OrgProvisioner.Org(
                    o.path("org_id").asText(), o.path("views_version").asText(), o.path("provisioned_at").asText(),
                    o.path("views_current").asBoolean())));
        } else {
            try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
                orgs.addAll(new OrgProvisioner(c, ch.settings(), null).list());
            }
        }
        for (OrgProvisioner.Org org : orgs) {
            System.out.printf("%-38s views %s %-18s provisioned %s%n", org.orgId(), org.viewsVersion(),
                    org.current() ? "(current)" : "(OUT OF DATE)", org.updatedAt());
        }
        System.out.println(orgs.size() + " org(s).");
        return 0;
    }

    private static void removed(OrgId id, boolean known) {
        System.out.println(known ? "Removed org " + id + "." : "Org " + id + " was not provisioned; nothing left of it.");
    }
}
