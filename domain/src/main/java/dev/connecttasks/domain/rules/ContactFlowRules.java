package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.enumValue;
import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowState;
import dev.connecttasks.domain.flow.FlowStatus;
import dev.connecttasks.domain.flow.FlowType;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import java.util.Optional;

/**
 * CreateContactFlow, DescribeContactFlow and UpdateContactFlow(Metadata). Each method lists its
 * checks in order; the caller checks that the instance exists after the members, and reads the flow.
 */
public final class ContactFlowRules {

    /** The service's limit on a flow's content (its documentation; the API model gives none). */
    static final int MAX_CONTENT = 256_000;

    private ContactFlowRules() {
    }

    /** CreateContactFlow's members; then the caller checks the instance. */
    public static Draft create(CreateContactFlowRequest r) {
        String instanceId = InstanceRules.instanceId(r.instanceId());                                           // 1
        String name = Refusals.requiredText(r.name(), "Name", 1, 127);                                                        // 2
        FlowType type = enumValue(r.type().orElseThrow(() -> missing("Type")), FlowType.class, "Type");         // 3
        FlowStatus status = r.status().map(s -> enumValue(s, FlowStatus.class, "Status")).orElse(FlowStatus.PUBLISHED);  // 4
        Refusals.optionalText(r.description(), "Description", 0, Integer.MAX_VALUE);                          // 5
        Refusals.optionalText(r.content(), "Content", 1, MAX_CONTENT);                                         // 6
        TagRules.tags(r.tags());                                                                                // 7
        return new Draft(instanceId, name, type, status, r.description(), r.content(), r.tags());
    }

    /** UpdateContactFlowContent's Content: required, as at creation. */
    public static String content(Optional<String> content) {
        return Refusals.requiredText(content, "Content", 1, MAX_CONTENT);
    }

    /** The flow with new content, the rest kept. */
    public static ContactFlow withContent(ContactFlow flow, String content) {
        return new ContactFlow(flow.instanceId(), flow.contactFlowId(), flow.name(), flow.type(), flow.state(), flow.status(),
                flow.description(), Optional.of(content), flow.tags());
    }

    /** The flow with the tags it holds now. */
    public static ContactFlow withTags(ContactFlow flow, java.util.Map<String, String> tags) {
        return new ContactFlow(flow.instanceId(), flow.contactFlowId(), flow.name(), flow.type(), flow.state(), flow.status(),
                flow.description(), flow.content(), tags);
    }

    /** DescribeContactFlow's ContactFlowId, checked after the instance. */
    public static String contactFlowId(Optional<String> contactFlowId) {
        return required(contactFlowId, "ContactFlowId", 1, 500);
    }

    /** UpdateContactFlow's members, before the instance is checked: the ids, and at least one change. */
    public static void updateMembers(UpdateContactFlowRequest r) {
        InstanceRules.instanceId(r.instanceId());
        contactFlowId(r.contactFlowId());
        if (r.contactFlowState().isEmpty() && r.status().isEmpty()) {
            throw missing("ContactFlowState or Status");
        }
    }

    /** UpdateContactFlow on the flow read: each given value must be one of its enum. */
    public static ContactFlow updated(ContactFlow flow, UpdateContactFlowRequest r) {
        ContactFlow out = flow;
        if (r.contactFlowState().isPresent()) {
            out = out.withState(enumValue(r.contactFlowState().get(), FlowState.class, "ContactFlowState"));
        }
        if (r.status().isPresent()) {
            out = out.withStatus(enumValue(r.status().get(), FlowStatus.class, "Status"));
        }
        return out;
    }

    public static ResourceNotFoundException notFound(String contactFlowId) {
        return new ResourceNotFoundException(Reason.CONTACT_FLOW, "ContactFlowId " + contactFlowId + " was not found in this instance");
    }

    static InvalidParameterException missing(String member) {
        return new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required");
    }

    /** A flow the rules accepted, waiting for its id; a new flow is ACTIVE. */
    public record Draft(String instanceId, String name, FlowType type, FlowStatus status, Optional<String> description,
                        Optional<String> content, java.util.Map<String, String> tags) {
        public ContactFlow withId(String contactFlowId) {
            return new ContactFlow(instanceId, contactFlowId, name, type, FlowState.ACTIVE, status, description, content, tags);
        }
    }
}
