package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.enumValue;
import static dev.connecttasks.domain.rules.Refusals.optional;
import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.domain.template.TemplateStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CreateTaskTemplate, GetTaskTemplate and UpdateTaskTemplate, checks in order; the caller checks the instance after the members. */
public final class TaskTemplateRules {

    private TaskTemplateRules() {
    }

    /** CreateTaskTemplate's members. */
    public static Draft create(CreateTaskTemplateRequest r) {
        String instanceId = InstanceRules.instanceId(r.instanceId());                                       // 1
        String name = Refusals.requiredText(r.name(), "Name", 1, 100);                                                    // 2
        Refusals.optionalText(r.description(), "Description", 1, 255);                                       // 3
        optional(r.contactFlowId(), "ContactFlowId", 1, 500);                                                // 4
        fields(r.fields());                                                                                  // 5
        TemplateStatus status = r.status().map(s -> enumValue(s, TemplateStatus.class, "Status")).orElse(TemplateStatus.ACTIVE);  // 6
        return new Draft(instanceId, name, r.description(), r.contactFlowId(), r.fields(), r.constraints(), r.defaults(), status);
    }

    /** GetTaskTemplate's TaskTemplateId, checked after the instance. */
    public static String taskTemplateId(Optional<String> taskTemplateId) {
        return required(taskTemplateId, "TaskTemplateId", 1, 500);
    }

    /** UpdateTaskTemplate's members, before the instance is checked. */
    public static void updateMembers(UpdateTaskTemplateRequest r) {
        InstanceRules.instanceId(r.instanceId());                                  // 1
        taskTemplateId(r.taskTemplateId());                                         // 2
        Refusals.optionalText(r.name(), "Name", 1, 100);                            // 3
        Refusals.optionalText(r.description(), "Description", 1, 255);              // 4
        optional(r.contactFlowId(), "ContactFlowId", 1, 500);                       // 5
        r.fields().ifPresent(TaskTemplateRules::fields);                            // 6
        r.status().ifPresent(s -> enumValue(s, TemplateStatus.class, "Status"));    // 7
        flowOrRemoval(r);                                                           // 8
    }

    /**
     * UpdateTaskTemplate on the template read: the next version. A full update, as the API model says
     * ("does not support partial updates"): the content (flow, fields, constraints, defaults) becomes
     * what the request gives, so a member left out is gone, a template updated without ContactFlowId
     * has no flow. Name, Description and Status, which name and describe the template and say
     * whether it is in use, stay as they were where the request leaves them out.
     */
    public static TaskTemplate updated(TaskTemplate template, UpdateTaskTemplateRequest r) {
        Optional<String> flow = r.removeContactFlow() ? Optional.empty() : r.contactFlowId();
        return template.edited(r.name(), r.description(), Optional.of(flow), Optional.of(r.fields().orElse(List.of())),
                Optional.of(r.constraints().orElse(TemplateConstraints.none())), Optional.of(r.defaults().orElse(Map.of())),
                r.status().map(s -> enumValue(s, TemplateStatus.class, "Status")));
    }

    public static ResourceNotFoundException notFound(String taskTemplateId) {
        return new ResourceNotFoundException(Reason.TASK_TEMPLATE, "TaskTemplateId " + taskTemplateId + " was not found in this instance");
    }

    private static void flowOrRemoval(UpdateTaskTemplateRequest r) {
        if (r.removeContactFlow() && r.contactFlowId().isPresent()) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "ContactFlowId cannot be given together with removeContactFlow");
        }
    }

    private static void fields(List<TemplateField> fields) {
        Set<String> names = new HashSet<>();
        for (TemplateField f : fields) {
            Refusals.text(f.name(), "Fields Id.Name", 1, 100);
            Refusals.optionalText(f.description(), "Fields Description", 1, 255);
            if (!names.add(f.name())) {
                throw new InvalidParameterException(Reason.INVALID_VALUE, "Fields name '" + f.name() + "' appears twice");
            }
            if (f.type() == FieldType.SINGLE_SELECT && f.options().isEmpty()) {
                throw new InvalidParameterException(Reason.INVALID_VALUE, "Fields '" + f.name() + "' is SINGLE_SELECT and needs SingleSelectOptions");
            }
        }
    }

    /** A template the rules accepted, waiting for its id; it starts at version 1. */
    public record Draft(String instanceId, String name, Optional<String> description, Optional<String> contactFlowId,
                        List<TemplateField> fields, TemplateConstraints constraints, Map<String, String> defaults, TemplateStatus status) {
        public TaskTemplate withId(String taskTemplateId) {
            return new TaskTemplate(instanceId, taskTemplateId, name, description, contactFlowId, fields, constraints, defaults, status, 1);
        }
    }
}
