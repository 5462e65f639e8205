package dev.connecttasks.domain.request;

import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * UpdateTaskTemplate's request, a full update: the content it gives (flow, fields, constraints,
 * defaults) replaces the template's, a content member left out is gone, and a new version is made;
 * Name, Description and Status, which name and describe the template and say whether it is in use,
 * stay as they were where the request leaves them out. {@code removeContactFlow} says the same as leaving ContactFlowId out,
 * explicitly.
 */
public record UpdateTaskTemplateRequest(Optional<String> instanceId, Optional<String> taskTemplateId, Optional<String> name,
                                        Optional<String> contactFlowId, boolean removeContactFlow, Optional<List<TemplateField>> fields,
                                        Optional<TemplateConstraints> constraints, Optional<Map<String, String>> defaults,
                                        Optional<String> status, Optional<String> description) {
    public UpdateTaskTemplateRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(taskTemplateId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(contactFlowId);
        fields = fields.map(List::copyOf);
        Objects.requireNonNull(constraints);
        defaults = defaults.map(Map::copyOf);
        Objects.requireNonNull(status);
        Objects.requireNonNull(description);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String instanceId;
        private String taskTemplateId;
        private String name;
        private String contactFlowId;
        private boolean removeContactFlow;
        private List<TemplateField> fields;
        private TemplateConstraints constraints;
        private Map<String, String> defaults;
        private String status;
        private String description;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder taskTemplateId(String value) { this.taskTemplateId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder contactFlowId(String value) { this.contactFlowId = value; return this; }
        public Builder removeContactFlow(boolean value) { this.removeContactFlow = value; return this; }
        public Builder fields(List<TemplateField> value) { this.fields = value; return this; }
        public Builder constraints(TemplateConstraints value) { this.constraints = value; return this; }
        public Builder defaults(Map<String, String> value) { this.defaults = value; return this; }
        public Builder status(String value) { this.status = value; return this; }
        public Builder description(String value) { this.description = value; return this; }

        public UpdateTaskTemplateRequest build() {
            return new UpdateTaskTemplateRequest(Optional.ofNullable(instanceId), Optional.ofNullable(taskTemplateId), Optional.ofNullable(name),
                    Optional.ofNullable(contactFlowId), removeContactFlow, Optional.ofNullable(fields), Optional.ofNullable(constraints),
                    Optional.ofNullable(defaults), Optional.ofNullable(status), Optional.ofNullable(description));
        }
    }
}
