package dev.connecttasks.domain.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A task template at one version. Every edit yields the next version; tasks keep the version they used. */
public record TaskTemplate(String instanceId, String taskTemplateId, String name, Optional<String> description, Optional<String> contactFlowId,
                           List<TemplateField> fields, TemplateConstraints constraints, Map<String, String> defaults,
                           TemplateStatus status, int version) {

    public TaskTemplate {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(taskTemplateId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(contactFlowId);
        fields = List.copyOf(fields);
        Objects.requireNonNull(constraints);
        defaults = Map.copyOf(defaults);
        Objects.requireNonNull(status);
        if (version < 1) {
            throw new IllegalArgumentException("template versions start at 1, was " + version);
        }
    }

    public Optional<TemplateField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The next version with the given edits applied; what is empty is kept. */
    public TaskTemplate edited(Optional<String> newName, Optional<String> newDescription, Optional<Optional<String>> newFlowId,
                               Optional<List<TemplateField>> newFields, Optional<TemplateConstraints> newConstraints,
                               Optional<Map<String, String>> newDefaults, Optional<TemplateStatus> newStatus) {
        return new TaskTemplate(instanceId, taskTemplateId, newName.orElse(name), newDescription.or(() -> description), newFlowId.orElse(contactFlowId),
                newFields.orElse(fields), newConstraints.orElse(constraints), newDefaults.orElse(defaults),
                newStatus.orElse(status), version + 1);
    }
}
