package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** UpdateContactTaskTemplate's request. */
public record UpdateContactTaskTemplateRequest(Optional<String> instanceId, Optional<String> contactId, Optional<String> taskTemplateId) {

    public UpdateContactTaskTemplateRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(taskTemplateId);
    }

    public static UpdateContactTaskTemplateRequest of(String instanceId, String contactId, String taskTemplateId) {
        return new UpdateContactTaskTemplateRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactId),
                Optional.ofNullable(taskTemplateId));
    }
}
