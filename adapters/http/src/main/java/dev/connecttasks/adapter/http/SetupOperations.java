package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.rules.ResourceArns;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import java.util.UUID;

/** Instances, flows and chat contacts: what a client sets up over the same API before it starts tasks. */
final class SetupOperations {

    private final ConnectTasksService service;

    SetupOperations(ConnectTasksService service) {
        this.service = service;
    }

    ObjectNode createInstance(WireRequest request) {
        Instance instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias(request.body().string("InstanceAlias")).build());
        return Wire.object().put("Id", instance.instanceId()).put("Arn", Wire.instanceArn(instance.instanceId()));
    }

    ObjectNode describeInstance(WireRequest request) {
        ObjectNode response = Wire.object();
        response.set("Instance", instance(service.describeInstance(request.label("InstanceId"))));
        return response;
    }

    ObjectNode deleteInstance(WireRequest request) {
        service.deleteInstance(request.label("InstanceId"), request.queryValue("clientToken"));
        return Wire.object();
    }

    ObjectNode listInstances(WireRequest request) {
        return Listings.answer(service.listInstances(Listings.request(request, null).build()), "InstanceSummaryList", SetupOperations::instance);
    }

    ObjectNode listContactFlows(WireRequest request) {
        return Listings.answer(service.listContactFlows(Listings.request(request, "contactFlowTypes").build()), "ContactFlowSummaryList",
                flow -> Wire.object().put("Id", flow.contactFlowId()).put("Arn", Wire.arn(flow.instanceId(), ResourceArns.FLOW_KIND, flow.contactFlowId()))
                        .put("Name", flow.name()).put("ContactFlowType", flow.type().name()).put("ContactFlowState", flow.state().name())
                        .put("ContactFlowStatus", flow.status().name()));
    }

    private static ObjectNode instance(Instance instance) {
        ObjectNode node = Wire.object().put("Id", instance.instanceId()).put("Arn", Wire.instanceArn(instance.instanceId()))
                .put("IdentityManagementType", "CONNECT_MANAGED").put("InstanceStatus", "ACTIVE")
                .put("InboundCallsEnabled", true).put("OutboundCallsEnabled", true);
        Wire.put(node, "InstanceAlias", instance.instanceAlias());
        Wire.putTimestamp(node, "CreatedTime", instance.createdTime());
        return node;
    }

    ObjectNode createContactFlow(WireRequest request) {
        HttpMembers b = request.body();
        ContactFlow flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(request.label("InstanceId"))
                .name(b.string("Name")).type(b.string("Type")).status(b.string("Status")).description(b.string("Description"))
                .content(b.string("Content")).tags(b.stringMap("Tags")).build());
        return Wire.object().put("ContactFlowId", flow.contactFlowId())
                .put("ContactFlowArn", Wire.arn(flow.instanceId(), ResourceArns.FLOW_KIND, flow.contactFlowId()));
    }

    ObjectNode describeContactFlow(WireRequest request) {
        ContactFlow flow = service.describeContactFlow(request.label("InstanceId"), request.label("ContactFlowId"));
        ObjectNode response = Wire.object();
        ObjectNode described = Wire.object().put("Arn", Wire.arn(flow.instanceId(), ResourceArns.FLOW_KIND, flow.contactFlowId()))
                .put("Id", flow.contactFlowId()).put("Name", flow.name()).put("Type", flow.type().name())
                .put("State", flow.state().name()).put("Status", flow.status().name());
        Wire.put(described, "Description", flow.description());
        Wire.put(described, "Content", flow.content());
        if (!flow.tags().isEmpty()) {
            described.set("Tags", Wire.stringMap(flow.tags()));
        }
        response.set("ContactFlow", described);
        return response;
    }

    ObjectNode updateContactFlowContent(WireRequest request) {
        service.updateContactFlowContent(request.label("InstanceId"), request.label("ContactFlowId"), request.body().string("Content"));
        return Wire.object();
    }

    ObjectNode deleteContactFlow(WireRequest request) {
        service.deleteContactFlow(request.label("InstanceId"), request.label("ContactFlowId"));
        return Wire.object();
    }

    ObjectNode updateContactFlowMetadata(WireRequest request) {
        service.updateContactFlow(UpdateContactFlowRequest.builder().instanceId(request.label("InstanceId"))
                .contactFlowId(request.label("ContactFlowId")).contactFlowState(request.body().string("ContactFlowState")).build());
        return Wire.object();
    }

    /** A chat contact to link tasks to: recorded with its attributes; no participant service stands behind it. */
    ObjectNode startChatContact(WireRequest request) {
        HttpMembers b = request.body();
        String contactId = service.recordContact(RecordContactRequest.builder().instanceId(b.string("InstanceId")).channel("CHAT")
                .initiationMethod("API").attributes(b.stringMap("Attributes")).build());
        return Wire.object().put("ContactId", contactId).put("ParticipantId", UUID.nameUUIDFromBytes(contactId.getBytes()).toString())
                .put("ParticipantToken", "local-" + contactId);
    }
}
