package dev.connecttasks.application.service;

import static dev.connecttasks.application.service.PortFailures.guarded;

import dev.connecttasks.application.port.in.InstanceSetup;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.rules.Admission;
import dev.connecttasks.domain.rules.ContactFlowRules;
import dev.connecttasks.domain.rules.InstanceRules;
import dev.connecttasks.domain.rules.QuickConnectRules;
import dev.connecttasks.domain.rules.RecordContactRules;
import dev.connecttasks.domain.rules.TaskTemplateRules;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Clock;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.rules.ListingRules;
import dev.connecttasks.domain.rules.ResourceArns;
import dev.connecttasks.domain.rules.Pages;
import java.util.List;
import java.util.Optional;

/**
 * The set-up operations: each asks its rules class for a draft, checks the instance, and only then
 * draws an id and stores what the draft becomes.
 */
final class InstanceSetupService implements InstanceSetup {

    private final StorePorts stores;
    private final KnownInstances instances;
    private final IdSource ids;
    private final Clock clock;
    private final RecordContactRules recordRules;

    InstanceSetupService(StorePorts stores, KnownInstances instances, IdSource ids, Clock clock, TaskPolicy policy) {
        this.stores = stores;
        this.instances = instances;
        this.ids = ids;
        this.clock = clock;
        this.recordRules = new RecordContactRules(policy);
    }

    @Override
    public Instance createInstance(CreateInstanceRequest request) {
        return guarded("CreateInstance", () -> {
            InstanceRules.Draft draft = InstanceRules.create(request);
            Instance instance = draft.withId(ids.newId(), clock.instant());
            stores.instances().save(instance);
            return instance;
        });
    }

    @Override
    public Instance describeInstance(String instanceId) {
        return guarded("DescribeInstance", () -> {
            String id = InstanceRules.instanceId(Optional.ofNullable(instanceId));
            return stores.instances().find(id).orElseThrow(() -> Admission.instanceNotFound(id));
        });
    }

    @Override
    public void deleteInstance(String instanceId, String clientToken) {
        guarded("DeleteInstance", () -> {
            InstanceRules.Deletion deletion = InstanceRules.delete(Optional.ofNullable(instanceId), Optional.ofNullable(clientToken));
            if (stores.instances().delete(deletion.instanceId(), deletion.clientToken(), clock.instant())
                    == InstanceDirectory.Deletion.NOT_FOUND) {
                throw Admission.instanceNotFound(deletion.instanceId());
            }
        });
    }

    @Override
    public List<Instance> listInstances() {
        return guarded("ListInstances", () -> stores.instances().list());
    }

    /** Every instance's contacts, or one instance's; its set-up stays (see {@code ContactsReset}). */
    void resetContacts(Optional<String> instanceId) {
        guarded("ResetContacts", () -> {
            List<String> emptied = instanceId.isPresent() ? List.of(instances.existing(instanceId))
                    : stores.instances().list().stream().map(Instance::instanceId).toList();
            for (String id : emptied) {
                stores.contacts().clear(id);
                stores.tags().removeUnder(id, ResourceArns.tagKey(ResourceArns.CONTACT_KIND, ""));
            }
        });
    }

    @Override
    public String recordContact(RecordContactRequest request) {
        return guarded("RecordContact", () -> {
            RecordContactRules.Draft draft = recordRules.check(request);
            instances.existing(request.instanceId());
            Contact contact = draft.withId(ids.newId(), clock.instant());
            stores.contacts().inTransaction(draft.instanceId(), transaction -> {
                transaction.insertContact(contact, draft.attributes());
                return null;
            });
            return contact.contactId();
        });
    }

    @Override
    public ContactFlow createContactFlow(CreateContactFlowRequest request) {
        return guarded("CreateContactFlow", () -> {
            ContactFlowRules.Draft draft = ContactFlowRules.create(request);
            instances.existing(request.instanceId());
            ContactFlow created = draft.withId(ids.newId());
            stores.flows().save(created);
            if (!created.tags().isEmpty()) {
                // the tag store holds every flow's tags from now on: TagResource and UntagResource change them there
                stores.tags().change(created.instanceId(), ResourceArns.tagKey(ResourceArns.FLOW_KIND, created.contactFlowId()),
                        none -> created.tags());
            }
            return created;
        });
    }

    @Override
    public ContactFlow describeContactFlow(String instanceId, String contactFlowId) {
        return guarded("DescribeContactFlow", () -> {
            String instance = instances.existing(Optional.ofNullable(instanceId));
            String id = ContactFlowRules.contactFlowId(Optional.ofNullable(contactFlowId));
            return stores.flows().find(instance, id).orElseThrow(() -> ContactFlowRules.notFound(id));
        });
    }

    @Override
    public ContactFlow updateContactFlow(UpdateContactFlowRequest request) {
        return guarded("UpdateContactFlow", () -> {
            ContactFlowRules.updateMembers(request);
            String instanceId = instances.existing(request.instanceId());
            String id = request.contactFlowId().orElseThrow();
            ContactFlow flow = stores.flows().find(instanceId, id).orElseThrow(() -> ContactFlowRules.notFound(id));
            ContactFlow updated = ContactFlowRules.updated(flow, request);
            stores.flows().save(updated);
            return updated;
        });
    }

    @Override
    public QuickConnect createQuickConnect(CreateQuickConnectRequest request) {
        return guarded("CreateQuickConnect", () -> {
            QuickConnectRules.Draft draft = QuickConnectRules.create(request);
            instances.existing(request.instanceId());
            QuickConnect created = draft.withId(ids.newId());
            stores.quickConnects().save(created);
            return created;
        });
    }

    @Override
    public QuickConnect describeQuickConnect(String instanceId, String quickConnectId) {
        return guarded("DescribeQuickConnect", () -> {
            String instance = instances.existing(Optional.ofNullable(instanceId));
            String id = QuickConnectRules.quickConnectId(Optional.ofNullable(quickConnectId));
            return stores.quickConnects().find(instance, id).orElseThrow(() -> QuickConnectRules.notFound(id));
        });
    }

    @Override
    public TaskTemplate createTaskTemplate(CreateTaskTemplateRequest request) {
        return guarded("CreateTaskTemplate", () -> {
            TaskTemplateRules.Draft draft = TaskTemplateRules.create(request);
            instances.existing(request.instanceId());
            TaskTemplate created = draft.withId(ids.newId());
            stores.templates().save(created);
            return created;
        });
    }

    @Override
    public TaskTemplate getTaskTemplate(String instanceId, String taskTemplateId) {
        return guarded("GetTaskTemplate", () -> {
            String instance = instances.existing(Optional.ofNullable(instanceId));
            String id = TaskTemplateRules.taskTemplateId(Optional.ofNullable(taskTemplateId));
            return stores.templates().find(instance, id).orElseThrow(() -> TaskTemplateRules.notFound(id));
        });
    }

    @Override
    public TaskTemplate updateTaskTemplate(UpdateTaskTemplateRequest request) {
        return guarded("UpdateTaskTemplate", () -> {
            TaskTemplateRules.updateMembers(request);
            String instanceId = instances.existing(request.instanceId());
            String id = request.taskTemplateId().orElseThrow();
            TaskTemplate template = stores.templates().find(instanceId, id).orElseThrow(() -> TaskTemplateRules.notFound(id));
            TaskTemplate updated = TaskTemplateRules.updated(template, request);
            stores.templates().save(updated);
            return updated;
        });
    }

    @Override
    public void deleteContactFlow(String instanceId, String contactFlowId) {
        guarded("DeleteContactFlow", () -> {
            String id = ContactFlowRules.contactFlowId(Optional.ofNullable(contactFlowId));
            String instance = instances.existing(Optional.ofNullable(instanceId));
            if (!stores.flows().delete(instance, id)) {
                throw ContactFlowRules.notFound(id);
            }
            forgetTags(instance, ResourceArns.FLOW_KIND, id);
        });
    }

    @Override
    public void deleteQuickConnect(String instanceId, String quickConnectId) {
        guarded("DeleteQuickConnect", () -> {
            String id = QuickConnectRules.quickConnectId(Optional.ofNullable(quickConnectId));
            String instance = instances.existing(Optional.ofNullable(instanceId));
            if (!stores.quickConnects().delete(instance, id)) {
                throw QuickConnectRules.notFound(id);
            }
            forgetTags(instance, ResourceArns.QUICK_CONNECT_KIND, id);
        });
    }

    @Override
    public void deleteTaskTemplate(String instanceId, String taskTemplateId) {
        guarded("DeleteTaskTemplate", () -> {
            String id = TaskTemplateRules.taskTemplateId(Optional.ofNullable(taskTemplateId));
            String instance = instances.existing(Optional.ofNullable(instanceId));
            if (!stores.templates().delete(instance, id)) {
                throw TaskTemplateRules.notFound(id);
            }
            forgetTags(instance, ResourceArns.TEMPLATE_KIND, id);
        });
    }

    /** A deleted resource's tags go with it. */
    private void forgetTags(String instanceId, String kind, String id) {
        stores.tags().change(instanceId, ResourceArns.tagKey(kind, id), tags -> java.util.Map.of());
    }

    @Override
    public ContactFlow updateContactFlowContent(String instanceId, String contactFlowId, String content) {
        return guarded("UpdateContactFlowContent", () -> {
            String id = ContactFlowRules.contactFlowId(Optional.ofNullable(contactFlowId));
            String newContent = ContactFlowRules.content(Optional.ofNullable(content));
            String instance = instances.existing(Optional.ofNullable(instanceId));
            ContactFlow flow = stores.flows().find(instance, id).orElseThrow(() -> ContactFlowRules.notFound(id));
            ContactFlow updated = ContactFlowRules.withContent(flow, newContent);
            stores.flows().save(updated);
            return updated;
        });
    }

    @Override
    public QuickConnect updateQuickConnectConfig(String instanceId, String quickConnectId, String quickConnectType, String target,
                                                 String contactFlowId) {
        return guarded("UpdateQuickConnectConfig", () -> {
            String id = QuickConnectRules.quickConnectId(Optional.ofNullable(quickConnectId));
            QuickConnectRules.Config config = QuickConnectRules.config(Optional.ofNullable(quickConnectType), Optional.ofNullable(target),
                    Optional.ofNullable(contactFlowId));
            String instance = instances.existing(Optional.ofNullable(instanceId));
            QuickConnect quickConnect = stores.quickConnects().find(instance, id).orElseThrow(() -> QuickConnectRules.notFound(id));
            QuickConnect updated = config.applyTo(quickConnect);
            stores.quickConnects().save(updated);
            return updated;
        });
    }

    @Override
    public Pages.Page<Instance> listInstances(ListRequest request) {
        return guarded("ListInstances", () -> ListingRules.instances(request).page(stores.instances().list().stream()
                .sorted(java.util.Comparator.comparing(Instance::instanceId)).toList(), Instance::instanceId));
    }

    @Override
    public Pages.Page<ContactFlow> listContactFlows(ListRequest request) {
        return guarded("ListContactFlows", () -> {
            ListingRules.Listing<ContactFlow> listing = ListingRules.contactFlows(request);
            return listing.page(stores.flows().list(instances.existing(request.instanceId())), ContactFlow::contactFlowId);
        });
    }

    @Override
    public Pages.Page<QuickConnect> listQuickConnects(ListRequest request) {
        return guarded("ListQuickConnects", () -> {
            ListingRules.Listing<QuickConnect> listing = ListingRules.quickConnects(request);
            return listing.page(stores.quickConnects().list(instances.existing(request.instanceId())), QuickConnect::quickConnectId);
        });
    }

    @Override
    public Pages.Page<TaskTemplate> listTaskTemplates(ListRequest request) {
        return guarded("ListTaskTemplates", () -> {
            ListingRules.Listing<TaskTemplate> listing = ListingRules.taskTemplates(request);
            return listing.page(stores.templates().list(instances.existing(request.instanceId())), TaskTemplate::taskTemplateId);
        });
    }

    @Override
    public List<TaskTemplate> listTaskTemplates(String instanceId) {
        return guarded("ListTaskTemplates", () -> stores.templates().list(instances.existing(Optional.ofNullable(instanceId))));
    }
}
