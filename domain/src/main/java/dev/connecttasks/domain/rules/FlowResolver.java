package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.flow.FlowType;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.ResolvedFlow;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateStatus;
import java.util.Optional;

/** behaviour.md section 4: exactly one source was given (step 3); find the one flow it names, or refuse. */
final class FlowResolver {

    private FlowResolver() {
    }

    static ResolvedFlow resolve(StartTaskContactRequest r, TaskFacts facts) {
        if (r.contactFlowId().isPresent()) {
            String id = r.contactFlowId().get();
            ContactFlow flow = facts.flow(id).orElseThrow(() -> notFound(Reason.CONTACT_FLOW, "ContactFlowId", id));
            usable(flow, FlowType.CONTACT_FLOW, "ContactFlowId " + id);
            return new ResolvedFlow(id, FlowSource.CONTACT_FLOW, id, Optional.empty());
        }
        if (r.quickConnectId().isPresent()) {
            return viaQuickConnect(r.quickConnectId().get(), facts);
        }
        return viaTemplate(template(r, facts), facts);
    }

    static TaskTemplate template(StartTaskContactRequest r, TaskFacts facts) {
        String id = r.taskTemplateId().orElseThrow();
        return facts.taskTemplate(id).orElseThrow(() -> notFound(Reason.TASK_TEMPLATE, "TaskTemplateId", id));
    }

    private static ResolvedFlow viaQuickConnect(String id, TaskFacts facts) {
        QuickConnect qc = facts.quickConnect(id).orElseThrow(() -> notFound(Reason.QUICK_CONNECT, "QuickConnectId", id));
        FlowType wanted = qc.type().requiredFlowType().orElseThrow(() -> new InvalidRequestException(Reason.QUICK_CONNECT_HAS_NO_FLOW,
                "QuickConnectId " + id + " is a PHONE_NUMBER quick connect, which names no flow to run a task"));
        String flowId = qc.contactFlowId().orElseThrow();
        ContactFlow flow = facts.flow(flowId).orElseThrow(() -> new InvalidRequestException(Reason.FLOW_NOT_USABLE,
                "QuickConnectId " + id + " names flow " + flowId + ", which does not exist"));
        usable(flow, wanted, "QuickConnectId " + id + " (" + qc.type() + ") flow " + flowId);
        return new ResolvedFlow(flowId, FlowSource.QUICK_CONNECT, id, Optional.empty());
    }

    private static ResolvedFlow viaTemplate(TaskTemplate template, TaskFacts facts) {
        String id = template.taskTemplateId();
        if (template.status() != TemplateStatus.ACTIVE) {
            throw new InvalidRequestException(Reason.TEMPLATE_INACTIVE, "TaskTemplateId " + id + " is INACTIVE; only an ACTIVE template can start a task");
        }
        String flowId = template.contactFlowId().orElseThrow(() -> new InvalidRequestException(Reason.TEMPLATE_HAS_NO_FLOW,
                "TaskTemplateId " + id + " has no flow configured, so no flow can be identified for the task"));
        ContactFlow flow = facts.flow(flowId).orElseThrow(() -> new InvalidRequestException(Reason.FLOW_NOT_USABLE,
                "TaskTemplateId " + id + " names flow " + flowId + ", which does not exist"));
        usable(flow, FlowType.CONTACT_FLOW, "TaskTemplateId " + id + " flow " + flowId);
        return new ResolvedFlow(flowId, FlowSource.TASK_TEMPLATE, id, Optional.of(template.version()));
    }

    private static void usable(ContactFlow flow, FlowType wanted, String what) {
        if (!flow.isUsableAs(wanted)) {
            throw new InvalidRequestException(Reason.FLOW_NOT_USABLE, what + " must be a " + wanted + " flow that is ACTIVE and PUBLISHED (was "
                    + flow.type() + ", " + flow.state() + ", " + flow.status() + ")");
        }
    }

    private static ResourceNotFoundException notFound(Reason reason, String member, String id) {
        return new ResourceNotFoundException(reason, member + " " + id + " was not found in this instance");
    }
}
