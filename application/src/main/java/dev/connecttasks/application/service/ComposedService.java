package dev.connecttasks.application.service;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.in.DescribeContactResponse;
import dev.connecttasks.application.port.in.GetContactAttributesResponse;
import dev.connecttasks.application.port.in.InstanceSetup;
import dev.connecttasks.application.port.in.StartTaskContactResponse;
import dev.connecttasks.application.port.in.TaskContacts;
import dev.connecttasks.application.port.in.ListContactReferencesResponse;
import dev.connecttasks.domain.request.ListContactReferencesRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import dev.connecttasks.application.port.in.StartOutboundVoiceContactResponse;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.policy.InstantRange;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Clock;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.rules.Pages;
import dev.connecttasks.domain.rules.ContactFlowRules;
import java.util.List;
import java.util.Map;

/** The in-port as one object: the contact operations and the set-up operations, side by side on the same stores. */
public final class ComposedService implements ConnectTasksService, dev.connecttasks.application.port.in.ContactsReset {

    private final TaskPolicy policy;
    private final TaskContacts contacts;
    private final InstanceSetupService setup;
    private final TaggingService tagging;
    private final java.util.concurrent.Executor asyncExecutor;

    private ComposedService(TaskPolicy policy, TaskContacts contacts, InstanceSetupService setup, TaggingService tagging,
                            java.util.concurrent.Executor asyncExecutor) {
        this.policy = policy;
        this.asyncExecutor = asyncExecutor;
        this.contacts = contacts;
        this.setup = setup;
        this.tagging = tagging;
    }

    /** The service over {@code stores}, drawing ids from {@code ids} and time from {@code clock}. */
    public static ConnectTasksService of(StorePorts stores, IdSource ids, Clock injected, TaskPolicy policy) {
        return of(stores, ids, injected, policy, null);
    }

    /** As {@link #of(StorePorts, IdSource, Clock, TaskPolicy)}, the async forms running on {@code asyncExecutor} (null: the library's own threads). */
    public static ConnectTasksService of(StorePorts stores, IdSource ids, Clock injected, TaskPolicy policy,
                                         java.util.concurrent.Executor asyncExecutor) {
        Clock clock = new RangeCheckedClock(injected, new InstantRange(policy));
        KnownInstances instances = new KnownInstances(stores.instances());
        RateBuckets rates = new RateBuckets(stores.rateLimiter(), stores.instances(), policy);
        return new ComposedService(policy, new TaskContactsService(stores.contacts(), instances, rates, ids, clock, policy),
                new InstanceSetupService(stores, instances, ids, clock, policy), new TaggingService(stores, instances), asyncExecutor);
    }

    @Override
    public java.util.concurrent.Executor asyncExecutor() {
        return asyncExecutor != null ? asyncExecutor : ConnectTasksService.super.asyncExecutor();
    }

    @Override
    public void tagResource(String resourceArn, Map<String, String> tags) {
        Caller.given(tags, "tags");
        tagging.tagResource(resourceArn, tags);
    }

    @Override
    public void untagResource(String resourceArn, List<String> tagKeys) {
        Caller.given(tagKeys, "tagKeys");
        tagging.untagResource(resourceArn, tagKeys);
    }

    @Override
    public Map<String, String> listTagsForResource(String resourceArn) {
        return tagging.listTagsForResource(resourceArn);
    }

    @Override
    public void tagContact(String instanceId, String contactId, Map<String, String> tags) {
        Caller.given(tags, "tags");
        tagging.tagContact(instanceId, contactId, tags);
    }

    @Override
    public void untagContact(String instanceId, String contactId, List<String> tagKeys) {
        Caller.given(tagKeys, "tagKeys");
        tagging.untagContact(instanceId, contactId, tagKeys);
    }

    @Override
    public Map<String, String> contactTags(String instanceId, String contactId) {
        return tagging.contactTags(instanceId, contactId);
    }

    @Override
    public TaskPolicy policy() {
        return policy;
    }

    @Override
    public StartTaskContactResponse startTaskContact(StartTaskContactRequest request) {
        Caller.given(request, "request");
        return contacts.startTaskContact(request);
    }

    @Override
    public DescribeContactResponse describeContact(DescribeContactRequest request) {
        Caller.given(request, "request");
        DescribeContactResponse described = contacts.describeContact(request);
        return described.withTags(tagging.storedContactTags(described.contact().instanceId(), described.contact().contactId()));
    }

    @Override
    public void updateContactAttributes(UpdateContactAttributesRequest request) {
        Caller.given(request, "request");
        contacts.updateContactAttributes(request);
    }

    @Override
    public GetContactAttributesResponse getContactAttributes(GetContactAttributesRequest request) {
        Caller.given(request, "request");
        return contacts.getContactAttributes(request);
    }

    @Override
    public void stopContact(StopContactRequest request) {
        Caller.given(request, "request");
        contacts.stopContact(request);
    }

    @Override
    public void updateContactSchedule(UpdateContactScheduleRequest request) {
        Caller.given(request, "request");
        contacts.updateContactSchedule(request);
    }

    @Override
    public StartOutboundVoiceContactResponse startOutboundVoiceContact(StartOutboundVoiceContactRequest request) {
        Caller.given(request, "request");
        return contacts.startOutboundVoiceContact(request);
    }

    @Override
    public dev.connecttasks.domain.rules.SearchRules.Result searchContacts(dev.connecttasks.domain.request.SearchContactsRequest request) {
        Caller.given(request, "request");
        return contacts.searchContacts(request);
    }

    @Override
    public void updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest request) {
        Caller.given(request, "request");
        contacts.updateContactTaskTemplate(request);
    }

    @Override
    public dev.connecttasks.application.port.in.TransferContactResponse transferContact(dev.connecttasks.domain.request.TransferContactRequest request) {
        Caller.given(request, "request");
        return contacts.transferContact(request);
    }

    @Override
    public void updateContact(UpdateContactRequest request) {
        Caller.given(request, "request");
        contacts.updateContact(request);
    }

    @Override
    public ListContactReferencesResponse listContactReferences(ListContactReferencesRequest request) {
        Caller.given(request, "request");
        return contacts.listContactReferences(request);
    }

    @Override
    public Instance createInstance(CreateInstanceRequest request) {
        Caller.given(request, "request");
        return setup.createInstance(request);
    }

    @Override
    public Instance describeInstance(String instanceId) {
        return setup.describeInstance(instanceId);
    }

    @Override
    public void deleteInstance(String instanceId, String clientToken) {
        setup.deleteInstance(instanceId, clientToken);
    }

    @Override
    public List<Instance> listInstances() {
        return setup.listInstances();
    }

    @Override
    public void resetContacts(java.util.Optional<String> instanceId) {
        Caller.given(instanceId, "instanceId");
        setup.resetContacts(instanceId);
    }

    @Override
    public String recordContact(RecordContactRequest request) {
        Caller.given(request, "request");
        return setup.recordContact(request);
    }


    /** The flow with the tags it holds now (TagResource and UntagResource change them after its creation). */
    @Override
    public ContactFlow describeContactFlow(String instanceId, String contactFlowId) {
        ContactFlow flow = setup.describeContactFlow(instanceId, contactFlowId);
        return ContactFlowRules.withTags(flow, tagging.flowTags(flow.instanceId(), flow.contactFlowId()));
    }

    @Override
    public ContactFlow createContactFlow(CreateContactFlowRequest request) {
        Caller.given(request, "request");
        return setup.createContactFlow(request);
    }

    @Override
    public ContactFlow updateContactFlow(UpdateContactFlowRequest request) {
        Caller.given(request, "request");
        return setup.updateContactFlow(request);
    }

    @Override
    public QuickConnect createQuickConnect(CreateQuickConnectRequest request) {
        Caller.given(request, "request");
        return setup.createQuickConnect(request);
    }

    @Override
    public QuickConnect describeQuickConnect(String instanceId, String quickConnectId) {
        return setup.describeQuickConnect(instanceId, quickConnectId);
    }

    @Override
    public TaskTemplate createTaskTemplate(CreateTaskTemplateRequest request) {
        Caller.given(request, "request");
        return setup.createTaskTemplate(request);
    }

    @Override
    public TaskTemplate getTaskTemplate(String instanceId, String taskTemplateId) {
        return setup.getTaskTemplate(instanceId, taskTemplateId);
    }

    @Override
    public TaskTemplate updateTaskTemplate(UpdateTaskTemplateRequest request) {
        Caller.given(request, "request");
        return setup.updateTaskTemplate(request);
    }

    @Override
    public void deleteContactFlow(String instanceId, String contactFlowId) {
        setup.deleteContactFlow(instanceId, contactFlowId);
    }

    @Override
    public void deleteQuickConnect(String instanceId, String quickConnectId) {
        setup.deleteQuickConnect(instanceId, quickConnectId);
    }

    @Override
    public void deleteTaskTemplate(String instanceId, String taskTemplateId) {
        setup.deleteTaskTemplate(instanceId, taskTemplateId);
    }

    @Override
    public ContactFlow updateContactFlowContent(String instanceId, String contactFlowId, String content) {
        return setup.updateContactFlowContent(instanceId, contactFlowId, content);
    }

    @Override
    public QuickConnect updateQuickConnectConfig(String instanceId, String quickConnectId, String quickConnectType, String target,
                                                 String contactFlowId) {
        return setup.updateQuickConnectConfig(instanceId, quickConnectId, quickConnectType, target, contactFlowId);
    }

    @Override
    public Pages.Page<Instance> listInstances(ListRequest request) {
        Caller.given(request, "request");
        return setup.listInstances(request);
    }

    @Override
    public Pages.Page<ContactFlow> listContactFlows(ListRequest request) {
        Caller.given(request, "request");
        return setup.listContactFlows(request);
    }

    @Override
    public Pages.Page<QuickConnect> listQuickConnects(ListRequest request) {
        Caller.given(request, "request");
        return setup.listQuickConnects(request);
    }

    @Override
    public Pages.Page<TaskTemplate> listTaskTemplates(ListRequest request) {
        Caller.given(request, "request");
        return setup.listTaskTemplates(request);
    }

    @Override
    public List<TaskTemplate> listTaskTemplates(String instanceId) {
        return setup.listTaskTemplates(instanceId);
    }
}
