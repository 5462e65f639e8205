package dev.connecttasks.domain.request;

import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** CreateTaskTemplate's request. Status is ACTIVE or INACTIVE (default ACTIVE). */
public record CreateTaskTemplateRequest(Optional<String> instanceId, Optional<String> name, Optional<String> contactFlowId,
                                        List<TemplateField> fields, TemplateConstraints constraints, Map<String, String> defaults,
                                        Optional<String> status, Optional<String> description) {
    public CreateTaskTemplateRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(contactFlowId);
        fields = List.copyOf(fields);
        Objects.requireNonNull(constraints);
        defaults = MemberMaps.copyOf(defaults, "Defaults");
        Objects.requireNonNull(status);
        Objects.requireNonNull(description);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String instanceId;
        private String name;
        private String contactFlowId;
        private List<TemplateField> fields = List.of();
        private TemplateConstraints constraints = TemplateConstraints.none();
        private Map<String, String> defaults = Map.of();
        private String status;
        private String description;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder contactFlowId(String value) { this.contactFlowId = value; return this; }
        public Builder fields(List<TemplateField> value) { this.fields = value == null ? List.of() : value; return this; }
        public Builder constraints(TemplateConstraints value) { this.constraints = value == null ? TemplateConstraints.none() : value; return this; }
        public Builder defaults(Map<String, String> value) { this.defaults = value == null ? Map.of() : value; return this; }
        public Builder status(String value) { this.status = value; return this; }
        public Builder description(String value) { this.description = value; return this; }

        public CreateTaskTemplateRequest build() {
            return new CreateTaskTemplateRequest(Optional.ofNullable(instanceId), Optional.ofNullable(name), Optional.ofNullable(contactFlowId),
                    fields, constraints, defaults, Optional.ofNullable(status), Optional.ofNullable(description));
        }
    }
}
