package dev.connecttasks.domain.template;

import java.util.Set;

/** Required fields are enforced by this API; read-only and invisible ones only travel with the template. */
public record TemplateConstraints(Set<String> requiredFields, Set<String> readOnlyFields, Set<String> invisibleFields) {
    public TemplateConstraints {
        requiredFields = Set.copyOf(requiredFields);
        readOnlyFields = Set.copyOf(readOnlyFields);
        invisibleFields = Set.copyOf(invisibleFields);
    }

    public static TemplateConstraints none() {
        return new TemplateConstraints(Set.of(), Set.of(), Set.of());
    }

    public static TemplateConstraints required(Set<String> fields) {
        return new TemplateConstraints(fields, Set.of(), Set.of());
    }
}
