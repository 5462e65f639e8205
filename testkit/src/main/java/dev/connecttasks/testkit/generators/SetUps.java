package dev.connecttasks.testkit.generators;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Set-ups for property runs: flows of every type, state and status, quick connects of every type,
 * and templates active, inactive, without a flow, with an unusable flow, and usable with a field of
 * every type, required or not, with a default or not. Every plan holds at least one of each kind, so
 * every refusal of {@link StartTaskRequests#refusals} can be drawn on it.
 */
public final class SetUps {

    /** One field of every type; the SINGLE_SELECT one offers {@code low} and {@code high}. */
    public static final List<TemplateField> FIELDS = List.of(
            TemplateField.of("Title", FieldType.NAME),
            TemplateField.of("Summary", FieldType.DESCRIPTION),
            TemplateField.of("When", FieldType.SCHEDULED_TIME),
            TemplateField.of("Notes", FieldType.TEXT),
            TemplateField.of("Details", FieldType.TEXT_AREA),
            TemplateField.of("Urgent", FieldType.BOOLEAN),
            new TemplateField("Priority", FieldType.SINGLE_SELECT, List.of("low", "high")),
            TemplateField.of("Count", FieldType.NUMBER),
            TemplateField.of("Due", FieldType.DATE_TIME),
            TemplateField.of("Link", FieldType.URL),
            TemplateField.of("Owner", FieldType.EMAIL));

    private SetUps() {
    }

    /** What a set-up creates: how many of each kind, and each usable template's required fields and defaults. */
    public record Plan(int usableFlows, List<String> unusableFlowKinds, int phoneQuickConnects, List<TemplatePlan> usableTemplates,
                       String instanceAlias) {

        public Plan {
            unusableFlowKinds = List.copyOf(unusableFlowKinds);
            usableTemplates = List.copyOf(usableTemplates);
        }

        /** Creates the instance and its resources on {@code service}. */
        public SetUp createOn(ConnectTasksService service) {
            return SetUps.create(service, this);
        }
    }

    /** A usable template's required fields and defaults. */
    public record TemplatePlan(Set<String> required, Map<String, String> defaults) {
        public TemplatePlan {
            required = Set.copyOf(required);
            defaults = Map.copyOf(defaults);
        }
    }

    /** One of each kind, the first template requiring Notes (TEXT) and Count (NUMBER) with no default, the second filling every field. */
    public static SetUp createOn(ConnectTasksService service) {
        return create(service, new Plan(1, List.of("SAVED", "ARCHIVED", "AGENT_TRANSFER"), 1, List.of(
                new TemplatePlan(Set.of("Notes", "Count", "Title"), Map.of("Title", "From the template")),
                new TemplatePlan(names(FIELDS), validDefaults())), "set-up"));
    }

    /** Plans of 1-3 usable flows, every kind of unusable one, and 1-3 usable templates with required fields and defaults drawn at random. */
    public static Gen<Plan> plans() {
        Gen<TemplatePlan> template = Gens.combine(Gens.lists(Gens.elements(namesList()), 0, 5), Gens.lists(Gens.elements(namesList()), 0, 5),
                (required, defaulted) -> {
                    Map<String, String> defaults = new LinkedHashMap<>();
                    defaulted.forEach(name -> defaults.put(name, validDefaults().get(name)));
                    // at least one required field without a default, so TEMPLATE_FIELD_MISSING can be drawn
                    Set<String> requiredFields = new TreeSet<>(required);
                    requiredFields.add("Notes");
                    defaults.remove("Notes");
                    return new TemplatePlan(requiredFields, defaults);
                });
        return Gens.combine(Gens.integers(1, 3), Gens.lists(Gens.elements("SAVED", "ARCHIVED", "AGENT_TRANSFER", "QUEUE_TRANSFER"), 0, 2),
                Gens.lists(template, 1, 3), Gens.elements("plan", "plán 😀", "\r\n'\"\\"),
                (flows, extraUnusable, templates, alias) -> {
                    List<String> unusable = new ArrayList<>(List.of("SAVED", "ARCHIVED", "AGENT_TRANSFER"));
                    unusable.addAll(extraUnusable);
                    return new Plan(flows, unusable, 1, templates, alias);
                });
    }

    private static SetUp create(ConnectTasksService service, Plan plan) {
        String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias(plan.instanceAlias()).build()).instanceId();
        List<String> usable = new ArrayList<>();
        for (int i = 0; i < plan.usableFlows(); i++) {
            usable.add(flow(service, instance, "CONTACT_FLOW", "PUBLISHED", false));
        }
        List<String> unusable = new ArrayList<>();
        for (String kind : plan.unusableFlowKinds()) {
            unusable.add(switch (kind) {
                case "SAVED" -> flow(service, instance, "CONTACT_FLOW", "SAVED", false);
                case "ARCHIVED" -> flow(service, instance, "CONTACT_FLOW", "PUBLISHED", true);
                default -> flow(service, instance, kind, "PUBLISHED", false);
            });
        }
        String agentFlow = flow(service, instance, "AGENT_TRANSFER", "PUBLISHED", false);
        String queueFlow = flow(service, instance, "QUEUE_TRANSFER", "PUBLISHED", false);
        List<String> quickConnects = List.of(quickConnect(service, instance, "USER", "agent-1", agentFlow),
                quickConnect(service, instance, "QUEUE", "queue-1", queueFlow), quickConnect(service, instance, "FLOW", null, usable.get(0)));
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < plan.phoneQuickConnects(); i++) {
            phones.add(quickConnect(service, instance, "PHONE_NUMBER", "+441632960" + String.format("%03d", i), null));
        }
        // a USER quick connect on a contact flow, a FLOW one on an agent-transfer flow: neither suits
        List<String> mismatched = List.of(quickConnect(service, instance, "USER", "agent-2", usable.get(0)),
                quickConnect(service, instance, "FLOW", null, agentFlow));
        List<SetUp.Template> templates = new ArrayList<>();
        for (TemplatePlan t : plan.usableTemplates()) {
            String id = template(service, instance, usable.get(0), "ACTIVE", t.required(), t.defaults());
            templates.add(new SetUp.Template(id, FIELDS, t.required(), t.defaults()));
        }
        return new SetUp(instance, service.policy(), usable, unusable, quickConnects, phones, mismatched, templates,
                List.of(template(service, instance, usable.get(0), "INACTIVE", Set.of(), Map.of())),
                List.of(template(service, instance, null, "ACTIVE", Set.of(), Map.of())),
                List.of(template(service, instance, unusable.get(0), "ACTIVE", Set.of(), Map.of())));
    }

    private static String flow(ConnectTasksService service, String instance, String type, String status, boolean archived) {
        String id = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name(type + " " + status)
                .type(type).status(status).content("{}").build()).contactFlowId();
        if (archived) {
            service.updateContactFlow(UpdateContactFlowRequest.builder().instanceId(instance).contactFlowId(id).contactFlowState("ARCHIVED").build());
        }
        return id;
    }

    private static String quickConnect(ConnectTasksService service, String instance, String type, String target, String flow) {
        return service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name(type + " quick connect")
                .quickConnectType(type).target(target).contactFlowId(flow).build()).quickConnectId();
    }

    private static String template(ConnectTasksService service, String instance, String flow, String status, Set<String> required,
                                   Map<String, String> defaults) {
        return service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name("template " + status)
                .contactFlowId(flow).fields(FIELDS).constraints(TemplateConstraints.required(required)).defaults(defaults).status(status)
                .build()).taskTemplateId();
    }

    /** A valid default for every field of {@link #FIELDS}. */
    static Map<String, String> validDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("Title", "From the template 😀");
        defaults.put("Summary", "Filled in by the template\r\n");
        defaults.put("When", "1767603600");
        defaults.put("Notes", "note");
        defaults.put("Details", "d".repeat(4_095));
        defaults.put("Urgent", "false");
        defaults.put("Priority", "low");
        defaults.put("Count", "3");
        defaults.put("Due", "1767603600");
        defaults.put("Link", "https://example.com/task");
        defaults.put("Owner", "ops@example.com");
        return defaults;
    }

    private static Set<String> names(List<TemplateField> fields) {
        return new TreeSet<>(fields.stream().map(TemplateField::name).toList());
    }

    private static List<String> namesList() {
        return FIELDS.stream().map(TemplateField::name).toList();
    }
}
