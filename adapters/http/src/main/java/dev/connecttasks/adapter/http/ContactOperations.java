package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.rules.ResourceArns;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.port.in.DescribeContactResponse;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.request.ListContactReferencesRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import dev.connecttasks.domain.request.SearchContactsRequest;
import java.util.List;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import java.util.Map;
import java.util.Optional;

/** The contact operations, from wire members to the service and back. */
final class ContactOperations {

    private final ConnectTasksService service;

    ContactOperations(ConnectTasksService service) {
        this.service = service;
    }

    ObjectNode startTaskContact(WireRequest request) {
        HttpMembers b = request.body();
        TaskAttachments.refuse(b.structureList("Attachments"));
        String contactId = service.startTaskContact(StartTaskContactRequest.builder()
                .instanceId(b.string("InstanceId"))
                .previousContactId(b.string("PreviousContactId"))
                .contactFlowId(b.string("ContactFlowId"))
                .attributes(b.stringMap("Attributes"))
                .name(b.string("Name"))
                .references(b.structureMap("References", ContactOperations::reference))
                .description(b.string("Description"))
                .clientToken(b.string("ClientToken"))
                .scheduledTime(b.timestamp("ScheduledTime"))
                .taskTemplateId(b.string("TaskTemplateId"))
                .quickConnectId(b.string("QuickConnectId"))
                .relatedContactId(b.string("RelatedContactId"))
                .segmentAttributes(b.structureMap("SegmentAttributes", ContactOperations::segmentAttribute))
                .build()).contactId();
        return Wire.object().put("ContactId", contactId);
    }

    private static Reference reference(String member, HttpMembers m) {
        return new Reference(Optional.ofNullable(m.string("Type")), Optional.ofNullable(m.string("Value")));
    }

    private static SegmentAttributeValue segmentAttribute(String member, HttpMembers m) {
        Map<String, SegmentAttributeValue> nested = m.structureMap("ValueMap", ContactOperations::segmentAttribute);
        Integer integer = m.integer("ValueInteger");
        return new SegmentAttributeValue(Optional.ofNullable(m.string("ValueString")), Optional.ofNullable(integer),
                nested == null ? Map.of() : nested);
    }

    ObjectNode describeContact(WireRequest request) {
        DescribeContactResponse described = service.describeContact(DescribeContactRequest.builder()
                .instanceId(request.label("InstanceId")).contactId(request.label("ContactId")).build());
        Contact c = described.contact();
        ObjectNode contact = Wire.object()
                .put("Arn", Wire.arn(c.instanceId(), ResourceArns.CONTACT_KIND, c.contactId()))
                .put("Id", c.contactId())
                .put("InitialContactId", c.initialContactId())
                .put("Channel", c.channel().name())
                .put("InitiationMethod", c.initiationMethod().name())
                .put("Name", c.name());
        Wire.put(contact, "PreviousContactId", c.previousContactId());
        Wire.put(contact, "RelatedContactId", c.relatedContactId());
        Wire.put(contact, "Description", c.description());
        Wire.putTimestamp(contact, "InitiationTimestamp", c.initiationTimestamp());
        Wire.put(contact, "ScheduledTimestamp", c.scheduledTime());
        Wire.put(contact, "DisconnectTimestamp", described.disconnectTimestamp());
        Wire.put(contact, "DisconnectReason", described.disconnectReason());
        c.flow().filter(flow -> flow.source() == FlowSource.TASK_TEMPLATE).ifPresent(flow -> {
            ObjectNode info = contact.putObject("TaskTemplateInfo").put("Arn", Wire.arn(c.instanceId(), ResourceArns.TEMPLATE_KIND, flow.sourceId()));
            templateName(c.instanceId(), flow.sourceId()).ifPresent(name -> info.put("Name", name));
        });
        contact.set("Attributes", Wire.stringMap(described.attributes()));
        if (!described.tags().isEmpty()) {
            contact.set("Tags", Wire.stringMap(described.tags()));
        }
        if (!c.segmentAttributes().isEmpty()) {
            contact.set("SegmentAttributes", segments(c.segmentAttributes()));
        }
        ObjectNode response = Wire.object();
        response.set("Contact", contact);
        return response;
    }

    /** The template's name now; none once the template is deleted (the task keeps the version it was made from). */
    private Optional<String> templateName(String instanceId, String taskTemplateId) {
        try {
            return Optional.of(service.getTaskTemplate(instanceId, taskTemplateId).name());
        } catch (dev.connecttasks.domain.error.ResourceNotFoundException deleted) {
            return Optional.empty();
        }
    }

    private static ObjectNode segments(Map<String, SegmentAttributeValue> segments) {
        ObjectNode node = Wire.object();
        segments.forEach((key, value) -> {
            ObjectNode entry = node.putObject(key);
            value.valueString().ifPresent(v -> entry.put("ValueString", v));
            value.valueInteger().ifPresent(v -> entry.put("ValueInteger", v));
            if (!value.valueMap().isEmpty()) {
                entry.set("ValueMap", segments(value.valueMap()));
            }
        });
        return node;
    }

    ObjectNode getContactAttributes(WireRequest request) {
        Map<String, String> attributes = service.getContactAttributes(GetContactAttributesRequest.builder()
                .instanceId(request.label("InstanceId")).initialContactId(request.label("InitialContactId")).build()).attributes();
        ObjectNode response = Wire.object();
        response.set("Attributes", Wire.stringMap(attributes));
        return response;
    }

    ObjectNode updateContactAttributes(WireRequest request) {
        HttpMembers b = request.body();
        service.updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(b.string("InstanceId"))
                .initialContactId(b.string("InitialContactId")).attributes(b.stringMap("Attributes")).build());
        return Wire.object();
    }

    ObjectNode stopContact(WireRequest request) {
        HttpMembers b = request.body();
        service.stopContact(StopContactRequest.builder().instanceId(b.string("InstanceId")).contactId(b.string("ContactId")).build());
        return Wire.object();
    }

    /** No call is placed: the members that only steer telephony and campaigns are refused, TrafficType GENERAL is the default. */
    ObjectNode startOutboundVoiceContact(WireRequest request) {
        HttpMembers b = request.body();
        b.refuseUnsupported("StartOutboundVoiceContact", "QueueId", "AnswerMachineDetectionConfig", "CampaignId", "OutboundStrategy");
        String traffic = b.string("TrafficType");
        if (traffic != null && !traffic.equals("GENERAL")) {
            throw new dev.connecttasks.domain.error.InvalidRequestException(dev.connecttasks.domain.error.Reason.MEMBER_NOT_SUPPORTED,
                    "StartOutboundVoiceContact TrafficType " + traffic + " is not supported: connect-tasks runs no campaigns (GENERAL is)");
        }
        String contactId = service.startOutboundVoiceContact(StartOutboundVoiceContactRequest.builder().instanceId(b.string("InstanceId"))
                .contactFlowId(b.string("ContactFlowId")).destinationPhoneNumber(b.string("DestinationPhoneNumber"))
                .sourcePhoneNumber(b.string("SourcePhoneNumber")).name(b.string("Name")).description(b.string("Description"))
                .references(b.structureMap("References", ContactOperations::reference)).relatedContactId(b.string("RelatedContactId"))
                .clientToken(b.string("ClientToken")).attributes(b.stringMap("Attributes"))
                .ringTimeoutInSeconds(b.integer("RingTimeoutInSeconds")).build()).contactId();
        return Wire.object().put("ContactId", contactId);
    }

    ObjectNode searchContacts(WireRequest request) {
        HttpMembers b = request.body();
        HttpMembers range = b.structure("TimeRange");
        HttpMembers criteria = b.structure("SearchCriteria");
        HttpMembers sort = b.structure("Sort");
        List<String> channels = null;
        List<String> methods = null;
        List<SearchContactsRequest.AttributeCriterion> attributeCriteria = List.of();
        String matchType = null;
        if (criteria != null) {
            criteria.refuseUnsupported("SearchContacts SearchCriteria", "Name", "AgentIds", "AgentHierarchyGroups", "ContactAnalysis", "QueueIds",
                    "RoutingCriteria", "AdditionalTimeRange", "SearchableSegmentAttributes", "ActiveRegions", "ContactTags", "AiAgents");
            channels = criteria.stringList("Channels");
            methods = criteria.stringList("InitiationMethods");
            HttpMembers searchable = criteria.structure("SearchableContactAttributes");
            if (searchable != null) {
                List<HttpMembers> given = searchable.structureList("Criteria");
                attributeCriteria = given == null ? List.of() : given.stream().map(c -> new SearchContactsRequest.AttributeCriterion(
                        c.string("Key") == null ? "" : c.string("Key"), c.stringList("Values") == null ? List.of() : c.stringList("Values"))).toList();
                matchType = searchable.string("MatchType");
            }
        }
        var result = service.searchContacts(SearchContactsRequest.builder().instanceId(b.string("InstanceId"))
                .timeRange(range == null ? null : range.string("Type"), range == null ? null : range.timestamp("StartTime"),
                        range == null ? null : range.timestamp("EndTime"))
                .channels(channels).initiationMethods(methods).attributes(attributeCriteria, matchType)
                .sort(sort == null ? null : sort.string("FieldName"), sort == null ? null : sort.string("Order"))
                .maxResults(b.integer("MaxResults")).nextToken(b.string("NextToken")).build());
        ObjectNode response = Wire.object();
        var contacts = response.putArray("Contacts");
        for (var found : result.page().items()) {
            Contact c = found.contact();
            ObjectNode summary = contacts.addObject().put("Arn", Wire.arn(c.instanceId(), ResourceArns.CONTACT_KIND, c.contactId())).put("Id", c.contactId())
                    .put("InitialContactId", c.initialContactId()).put("InitiationMethod", c.initiationMethod().name())
                    .put("Channel", c.channel().name()).put("Name", c.name());
            Wire.put(summary, "PreviousContactId", c.previousContactId());
            Wire.putTimestamp(summary, "InitiationTimestamp", c.initiationTimestamp());
            Wire.put(summary, "ScheduledTimestamp", c.scheduledTime());
            c.disconnectTimestamp(result.at()).ifPresent(t -> Wire.putTimestamp(summary, "DisconnectTimestamp", t));
            if (!c.segmentAttributes().isEmpty()) {
                summary.set("SegmentAttributes", segments(c.segmentAttributes()));
            }
        }
        result.page().nextToken().ifPresent(token -> response.put("NextToken", token));
        response.put("TotalCount", result.totalCount());
        return response;
    }

    ObjectNode updateContactTaskTemplate(WireRequest request) {
        HttpMembers b = request.body();
        service.updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest.of(b.string("InstanceId"),
                b.string("ContactId"), b.string("TaskTemplateId")));
        return Wire.object();
    }

    ObjectNode transferContact(WireRequest request) {
        HttpMembers b = request.body();
        String contactId = service.transferContact(dev.connecttasks.domain.request.TransferContactRequest.of(b.string("InstanceId"),
                b.string("ContactId"), b.string("ContactFlowId"), b.string("QueueId"), b.string("UserId"), b.string("ClientToken"))).contactId();
        String instance = ResourceArns.instanceId(b.string("InstanceId"));
        return Wire.object().put("ContactId", contactId).put("ContactArn", Wire.arn(instance, ResourceArns.CONTACT_KIND, contactId));
    }

    ObjectNode updateContact(WireRequest request) {
        HttpMembers b = request.body();
        b.refuseUnsupported("UpdateContact", "QueueInfo", "UserInfo", "CustomerEndpoint", "SystemEndpoint");
        service.updateContact(UpdateContactRequest.builder().instanceId(request.label("InstanceId")).contactId(request.label("ContactId"))
                .name(b.string("Name")).description(b.string("Description"))
                .references(b.structureMap("References", ContactOperations::reference))
                .segmentAttributes(b.structureMap("SegmentAttributes", ContactOperations::segmentAttribute)).build());
        return Wire.object();
    }

    /** The model's ReferenceSummary is a union keyed by the reference's type. */
    private static final Map<String, String> SUMMARY_MEMBER = Map.of("URL", "Url", "NUMBER", "Number", "STRING", "String",
            "DATE", "Date", "EMAIL", "Email");

    ObjectNode listContactReferences(WireRequest request) {
        var listed = service.listContactReferences(ListContactReferencesRequest.builder().instanceId(request.label("InstanceId"))
                .contactId(request.label("ContactId")).referenceTypes(request.queryValues("referenceTypes"))
                .nextToken(request.queryValue("nextToken")).build());
        ObjectNode response = Wire.object();
        var summaries = response.putArray("ReferenceSummaryList");
        for (var reference : listed.references()) {
            summaries.addObject().putObject(SUMMARY_MEMBER.get(reference.type())).put("Name", reference.name()).put("Value", reference.value());
        }
        return response;
    }

    ObjectNode updateContactSchedule(WireRequest request) {
        HttpMembers b = request.body();
        service.updateContactSchedule(UpdateContactScheduleRequest.builder().instanceId(b.string("InstanceId"))
                .contactId(b.string("ContactId")).scheduledTime(b.timestamp("ScheduledTime")).build());
        return Wire.object();
    }
}
