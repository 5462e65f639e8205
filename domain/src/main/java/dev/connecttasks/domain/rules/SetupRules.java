package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.enumValue;
import static dev.connecttasks.domain.rules.Refusals.optional;
import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowState;
import dev.connecttasks.domain.flow.FlowStatus;
import dev.connecttasks.domain.flow.FlowType;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.QuickConnectType;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validation of the set-up operations, which build the values the task rules read. Lengths as in the API model. */
public final class SetupRules {

    private final TaskPolicy policy;

    public SetupRules(TaskPolicy policy) {
        this.policy = policy;
    }

    public ContactFlow newFlow(CreateContactFlowRequest r, String id) {
        String instanceId = required(r.instanceId(), "InstanceId", 1, 100);
        String name = required(r.name(), "Name", 1, 127);
        FlowType type = enumValue(r.type().orElseThrow(() -> missing("Type")), FlowType.class, "Type");
        FlowStatus status = r.status().map(s -> enumValue(s, FlowStatus.class, "Status")).orElse(FlowStatus.PUBLISHED);
        return new ContactFlow(instanceId, id, name, type, FlowState.ACTIVE, status);
    }

    public static void flowUpdateMembers(UpdateContactFlowRequest r) {
        required(r.instanceId(), "InstanceId", 1, 100);
        required(r.contactFlowId(), "ContactFlowId", 1, 500);
        if (r.contactFlowState().isEmpty() && r.status().isEmpty()) {
            throw missing("ContactFlowState or Status");
        }
    }

    public static ContactFlow updatedFlow(ContactFlow flow, UpdateContactFlowRequest r) {
        ContactFlow out = flow;
        if (r.contactFlowState().isPresent()) {
            out = out.withState(enumValue(r.contactFlowState().get(), FlowState.class, "ContactFlowState"));
        }
        if (r.status().isPresent()) {
            out = out.withStatus(enumValue(r.status().get(), FlowStatus.class, "Status"));
        }
        return out;
    }

    public QuickConnect newQuickConnect(CreateQuickConnectRequest r, String id) {
        String instanceId = required(r.instanceId(), "InstanceId", 1, 100);
        String name = required(r.name(), "Name", 1, 127);
        QuickConnectType type = enumValue(r.quickConnectType().orElseThrow(() -> missing("QuickConnectType")), QuickConnectType.class, "QuickConnectType");
        optional(r.target(), "QuickConnectConfig target", 1, 256);
        if (type != QuickConnectType.FLOW && r.target().isEmpty()) {
            throw missing("QuickConnectConfig " + (type == QuickConnectType.USER ? "UserId" : type == QuickConnectType.QUEUE ? "QueueId" : "PhoneNumber"));
        }
        if (type == QuickConnectType.PHONE_NUMBER) {
            if (r.contactFlowId().isPresent()) {
                throw new InvalidParameterException(Reason.INVALID_VALUE, "PhoneConfig has no ContactFlowId");
            }
            return new QuickConnect(instanceId, id, name, type, r.target(), Optional.empty());
        }
        String flowId = required(r.contactFlowId(), "QuickConnectConfig ContactFlowId", 1, 500);
        return new QuickConnect(instanceId, id, name, type, type == QuickConnectType.FLOW ? Optional.empty() : r.target(), Optional.of(flowId));
    }

    public static Contact recordedContact(RecordContactRequest r, String id, Instant now) {
        String instanceId = required(r.instanceId(), "InstanceId", 1, 100);
        Channel channel = enumValue(r.channel().orElseThrow(() -> missing("Channel")), Channel.class, "Channel");
        if (channel == Channel.TASK) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "Channel TASK cannot be recorded: tasks are created by StartTaskContact");
        }
        InitiationMethod method = r.initiationMethod().map(m -> enumValue(m, InitiationMethod.class, "InitiationMethod")).orElse(InitiationMethod.INBOUND);
        return Contact.recorded(instanceId, id, channel, method, now);
    }

    public void recordedAttributes(RecordContactRequest r) {
        MemberRules.attributes(r.attributes(), policy, "Attributes");
    }

    public TaskTemplate newTemplate(CreateTaskTemplateRequest r, String id) {
        String instanceId = required(r.instanceId(), "InstanceId", 1, 100);
        String name = required(r.name(), "Name", 1, 100);
        optional(r.contactFlowId(), "ContactFlowId", 1, 500);
        fields(r.fields());
        TemplateStatus status = r.status().map(s -> enumValue(s, TemplateStatus.class, "Status")).orElse(TemplateStatus.ACTIVE);
        return new TaskTemplate(instanceId, id, name, r.contactFlowId(), r.fields(), r.constraints(), r.defaults(), status, 1);
    }

    public static void templateUpdateMembers(UpdateTaskTemplateRequest r) {
        required(r.instanceId(), "InstanceId", 1, 100);
        required(r.taskTemplateId(), "TaskTemplateId", 1, 500);
        optional(r.name(), "Name", 1, 100);
        optional(r.contactFlowId(), "ContactFlowId", 1, 500);
        r.fields().ifPresent(SetupRules::fields);
        r.status().ifPresent(s -> enumValue(s, TemplateStatus.class, "Status"));
        if (r.removeContactFlow() && r.contactFlowId().isPresent()) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "ContactFlowId cannot be given together with removeContactFlow");
        }
    }

    public static TaskTemplate updatedTemplate(TaskTemplate template, UpdateTaskTemplateRequest r) {
        Optional<Optional<String>> flow = r.removeContactFlow() ? Optional.of(Optional.empty()) : r.contactFlowId().map(Optional::of);
        return template.edited(r.name(), flow, r.fields(), r.constraints(), r.defaults(),
                r.status().map(s -> enumValue(s, TemplateStatus.class, "Status")));
    }

    private static void fields(List<TemplateField> fields) {
        Set<String> names = new HashSet<>();
        for (TemplateField f : fields) {
            Refusals.length(f.name(), "Fields Id.Name", 1, 100);
            if (!names.add(f.name())) {
                throw new InvalidParameterException(Reason.INVALID_VALUE, "Fields name '" + f.name() + "' appears twice");
            }
            if (f.type() == FieldType.SINGLE_SELECT && f.options().isEmpty()) {
                throw new InvalidParameterException(Reason.INVALID_VALUE, "Fields '" + f.name() + "' is SINGLE_SELECT and needs SingleSelectOptions");
            }
        }
    }

    private static InvalidParameterException missing(String member) {
        return new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required");
    }
}
