package dev.connecttasks.testkit.generators;

import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.template.TemplateField;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An instance set up on a service, with its resources sorted by what a StartTaskContact can do with
 * them: what the request generators of {@link StartTaskRequests} draw from. Made by
 * {@link SetUps#createOn} or a generated {@link SetUps.Plan}.
 *
 * @param usableFlows flows a task can run (CONTACT_FLOW, ACTIVE, PUBLISHED)
 * @param unusableFlows flows of another type, ARCHIVED, or SAVED
 * @param usableQuickConnects USER, QUEUE and FLOW quick connects whose flows suit them
 * @param phoneQuickConnects PHONE_NUMBER quick connects, which have no flow
 * @param quickConnectsWithUnusableFlow quick connects whose flow does not suit them
 * @param usableTemplates ACTIVE templates with a usable flow, with their fields
 * @param inactiveTemplates INACTIVE templates
 * @param templatesWithoutFlow ACTIVE templates naming no flow
 * @param templatesWithUnusableFlow ACTIVE templates whose flow is unusable
 */
public record SetUp(String instanceId, TaskPolicy policy, List<String> usableFlows, List<String> unusableFlows,
                    List<String> usableQuickConnects, List<String> phoneQuickConnects, List<String> quickConnectsWithUnusableFlow,
                    List<Template> usableTemplates, List<String> inactiveTemplates, List<String> templatesWithoutFlow,
                    List<String> templatesWithUnusableFlow) {

    public SetUp {
        usableFlows = List.copyOf(usableFlows);
        unusableFlows = List.copyOf(unusableFlows);
        usableQuickConnects = List.copyOf(usableQuickConnects);
        phoneQuickConnects = List.copyOf(phoneQuickConnects);
        quickConnectsWithUnusableFlow = List.copyOf(quickConnectsWithUnusableFlow);
        usableTemplates = List.copyOf(usableTemplates);
        inactiveTemplates = List.copyOf(inactiveTemplates);
        templatesWithoutFlow = List.copyOf(templatesWithoutFlow);
        templatesWithUnusableFlow = List.copyOf(templatesWithUnusableFlow);
    }

    /** A usable template: its fields, which of them are required, and the defaults it fills in. */
    public record Template(String taskTemplateId, List<TemplateField> fields, Set<String> required, Map<String, String> defaults) {
        public Template {
            fields = List.copyOf(fields);
            required = Set.copyOf(required);
            defaults = Map.copyOf(defaults);
        }

        /** Required fields the template does not fill: a start must give them. */
        public List<TemplateField> requiredWithoutDefault() {
            return fields.stream().filter(f -> required.contains(f.name()) && !defaults.containsKey(f.name())).toList();
        }
    }
}
