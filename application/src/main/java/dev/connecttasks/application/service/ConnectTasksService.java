package dev.connecttasks.application.service;

import static dev.connecttasks.application.service.PortFailures.guarded;

import dev.connecttasks.application.port.in.DescribeContactResponse;
import dev.connecttasks.application.port.in.GetContactAttributesResponse;
import dev.connecttasks.application.port.in.InstanceSetup;
import dev.connecttasks.application.port.in.StartTaskContactResponse;
import dev.connecttasks.application.port.in.TaskContacts;
import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ThrottlingException;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.instance.Instance;
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
import dev.connecttasks.domain.rules.AdmissionFacts;
import dev.connecttasks.domain.rules.ContactOperationRules;
import dev.connecttasks.domain.rules.Refusals;
import dev.connecttasks.domain.rules.SetupRules;
import dev.connecttasks.domain.rules.StartTaskDecision;
import dev.connecttasks.domain.rules.StartTaskRules;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The use cases: the domain's rules run over the out-ports. Thread-safe when the ports are. */
public final class ConnectTasksService implements TaskContacts, InstanceSetup {

    private final ServicePorts ports;
    private final TaskPolicy policy;
    private final StartTaskRules startRules;
    private final ContactOperationRules contactRules;
    private final SetupRules setupRules;

    public ConnectTasksService(ServicePorts ports, TaskPolicy policy) {
        this.ports = ports;
        this.policy = policy;
        this.startRules = new StartTaskRules(policy);
        this.contactRules = new ContactOperationRules(policy);
        this.setupRules = new SetupRules(policy);
    }

    public TaskPolicy policy() {
        return policy;
    }

    @Override
    public StartTaskContactResponse startTaskContact(StartTaskContactRequest request) {
        return guarded("StartTaskContact", () -> {
            Instant now = ports.clock().instant();
            startRules.admit(request, admission(request.instanceId(), now));
            String instanceId = request.instanceId().orElseThrow();
            String contactId = ports.contacts().inTransaction(instanceId, view -> {
                StartTaskDecision decision = startRules.decide(request, new StoreTaskFacts(instanceId, view, ports, now), now);
                if (decision instanceof StartTaskDecision.Create) {
                    NewTask task = ((StartTaskDecision.Create) decision).draft().withContactId(ports.ids().newId());
                    view.insertTask(task);
                    return task.contact().contactId();
                }
                return ((StartTaskDecision.Replay) decision).contactId();
            });
            return new StartTaskContactResponse(contactId);
        });
    }

    @Override
    public DescribeContactResponse describeContact(DescribeContactRequest request) {
        return guarded("DescribeContact", () -> {
            Instant now = contactOperation(request.instanceId());
            ContactOperationRules.instanceAndContactIds(request.instanceId(), request.contactId(), "ContactId");
            String instanceId = existingInstance(request.instanceId());
            Contact contact = ContactOperationRules.existing(ports.contacts().findContact(instanceId, request.contactId().get()),
                    request.contactId().get());
            return new DescribeContactResponse(contact, contact.state(now), contact.disconnectTimestamp(now), contact.disconnectReason(now),
                    contact.expiresAt(), ports.contacts().scopeAttributes(instanceId, contact.initialContactId()));
        });
    }

    @Override
    public void updateContactAttributes(UpdateContactAttributesRequest request) {
        guarded("UpdateContactAttributes", () -> {
            contactOperation(request.instanceId());
            ContactOperationRules.instanceAndContactIds(request.instanceId(), request.initialContactId(), "InitialContactId");
            contactRules.attributeUpdate(request.attributes());
            String instanceId = existingInstance(request.instanceId());
            String contactId = request.initialContactId().get();
            ports.contacts().inTransaction(instanceId, view -> {
                Contact contact = ContactOperationRules.existing(view.contact(contactId), contactId);
                String scope = contact.initialContactId();
                view.putScopeAttributes(scope, contactRules.mergedScope(view.scopeAttributes(scope), request.attributes()));
                return null;
            });
        });
    }

    @Override
    public GetContactAttributesResponse getContactAttributes(GetContactAttributesRequest request) {
        return guarded("GetContactAttributes", () -> {
            contactOperation(request.instanceId());
            ContactOperationRules.instanceAndContactIds(request.instanceId(), request.initialContactId(), "InitialContactId");
            String instanceId = existingInstance(request.instanceId());
            String contactId = request.initialContactId().get();
            Contact contact = ContactOperationRules.existing(ports.contacts().findContact(instanceId, contactId), contactId);
            return new GetContactAttributesResponse(ports.contacts().scopeAttributes(instanceId, contact.initialContactId()));
        });
    }

    @Override
    public void stopContact(StopContactRequest request) {
        guarded("StopContact", () -> {
            Instant now = contactOperation(request.instanceId());
            ContactOperationRules.instanceAndContactIds(request.instanceId(), request.contactId(), "ContactId");
            String instanceId = existingInstance(request.instanceId());
            String contactId = request.contactId().get();
            ports.contacts().inTransaction(instanceId, view -> {
                Contact contact = ContactOperationRules.existing(view.contact(contactId), contactId);
                view.updateContact(ContactOperationRules.stop(contact, now));
                return null;
            });
        });
    }

    @Override
    public void updateContactSchedule(UpdateContactScheduleRequest request) {
        guarded("UpdateContactSchedule", () -> {
            Instant now = contactOperation(request.instanceId());
            ContactOperationRules.instanceAndContactIds(request.instanceId(), request.contactId(), "ContactId");
            String instanceId = existingInstance(request.instanceId());
            String contactId = request.contactId().get();
            ports.contacts().inTransaction(instanceId, view -> {
                Contact contact = ContactOperationRules.existing(view.contact(contactId), contactId);
                view.updateContact(contactRules.reschedule(contact, request.scheduledTime(), now));
                return null;
            });
        });
    }

    // ---- set-up ----

    @Override
    public Instance createInstance(CreateInstanceRequest request) {
        return guarded("CreateInstance", () -> {
            Refusals.optional(request.instanceAlias(), "InstanceAlias", 1, 45);
            Instance instance = new Instance(ports.ids().newId(), request.instanceAlias(), ports.clock().instant());
            ports.instances().save(instance);
            return instance;
        });
    }

    @Override
    public Instance describeInstance(String instanceId) {
        return guarded("DescribeInstance", () -> ports.instances().find(Refusals.required(Optional.ofNullable(instanceId), "InstanceId", 1, 100))
                .orElseThrow(() -> instanceNotFound(instanceId)));
    }

    @Override
    public List<Instance> listInstances() {
        return guarded("ListInstances", () -> ports.instances().list());
    }

    @Override
    public String recordContact(RecordContactRequest request) {
        return guarded("RecordContact", () -> {
            Instant now = ports.clock().instant();
            Contact probe = SetupRules.recordedContact(request, "-", now);
            setupRules.recordedAttributes(request);
            String instanceId = existingInstance(Optional.of(probe.instanceId()));
            Contact contact = SetupRules.recordedContact(request, ports.ids().newId(), now);
            ports.contacts().inTransaction(instanceId, view -> {
                view.insertContact(contact, Attributes.merge(java.util.Map.of(), request.attributes()));
                return null;
            });
            return contact.contactId();
        });
    }

    @Override
    public ContactFlow createContactFlow(CreateContactFlowRequest request) {
        return guarded("CreateContactFlow", () -> {
            setupRules.newFlow(request, "-");
            existingInstance(request.instanceId());
            ContactFlow created = setupRules.newFlow(request, ports.ids().newId());
            ports.flows().save(created);
            return created;
        });
    }

    @Override
    public ContactFlow describeContactFlow(String instanceId, String contactFlowId) {
        return guarded("DescribeContactFlow", () -> {
            String instance = existingInstance(Optional.ofNullable(instanceId));
            String id = Refusals.required(Optional.ofNullable(contactFlowId), "ContactFlowId", 1, 500);
            return ports.flows().find(instance, id).orElseThrow(() -> notFound(Reason.CONTACT_FLOW, "ContactFlowId", id));
        });
    }

    @Override
    public ContactFlow updateContactFlow(UpdateContactFlowRequest request) {
        return guarded("UpdateContactFlow", () -> {
            SetupRules.flowUpdateMembers(request);
            String instanceId = existingInstance(request.instanceId());
            String id = request.contactFlowId().get();
            ContactFlow flow = ports.flows().find(instanceId, id).orElseThrow(() -> notFound(Reason.CONTACT_FLOW, "ContactFlowId", id));
            ContactFlow updated = SetupRules.updatedFlow(flow, request);
            ports.flows().save(updated);
            return updated;
        });
    }

    @Override
    public QuickConnect createQuickConnect(CreateQuickConnectRequest request) {
        return guarded("CreateQuickConnect", () -> {
            setupRules.newQuickConnect(request, "-");
            existingInstance(request.instanceId());
            QuickConnect created = setupRules.newQuickConnect(request, ports.ids().newId());
            ports.quickConnects().save(created);
            return created;
        });
    }

    @Override
    public QuickConnect describeQuickConnect(String instanceId, String quickConnectId) {
        return guarded("DescribeQuickConnect", () -> {
            String instance = existingInstance(Optional.ofNullable(instanceId));
            String id = Refusals.required(Optional.ofNullable(quickConnectId), "QuickConnectId", 1, 500);
            return ports.quickConnects().find(instance, id).orElseThrow(() -> notFound(Reason.QUICK_CONNECT, "QuickConnectId", id));
        });
    }

    @Override
    public TaskTemplate createTaskTemplate(CreateTaskTemplateRequest request) {
        return guarded("CreateTaskTemplate", () -> {
            setupRules.newTemplate(request, "-");
            existingInstance(request.instanceId());
            TaskTemplate created = setupRules.newTemplate(request, ports.ids().newId());
            ports.templates().save(created);
            return created;
        });
    }

    @Override
    public TaskTemplate getTaskTemplate(String instanceId, String taskTemplateId) {
        return guarded("GetTaskTemplate", () -> {
            String instance = existingInstance(Optional.ofNullable(instanceId));
            String id = Refusals.required(Optional.ofNullable(taskTemplateId), "TaskTemplateId", 1, 500);
            return ports.templates().find(instance, id).orElseThrow(() -> notFound(Reason.TASK_TEMPLATE, "TaskTemplateId", id));
        });
    }

    @Override
    public TaskTemplate updateTaskTemplate(UpdateTaskTemplateRequest request) {
        return guarded("UpdateTaskTemplate", () -> {
            SetupRules.templateUpdateMembers(request);
            String instanceId = existingInstance(request.instanceId());
            String id = request.taskTemplateId().get();
            TaskTemplate template = ports.templates().find(instanceId, id).orElseThrow(() -> notFound(Reason.TASK_TEMPLATE, "TaskTemplateId", id));
            TaskTemplate updated = SetupRules.updatedTemplate(template, request);
            ports.templates().save(updated);
            return updated;
        });
    }

    @Override
    public List<TaskTemplate> listTaskTemplates(String instanceId) {
        return guarded("ListTaskTemplates", () -> ports.templates().list(existingInstance(Optional.ofNullable(instanceId))));
    }

    // ---- shared steps ----

    private AdmissionFacts admission(Optional<String> instanceId, Instant now) {
        return new AdmissionFacts() {
            @Override
            public boolean takeStartTaskToken() {
                return !policy.throttlingEnabled()
                        || ports.rateLimiter().tryAcquire("StartTaskContact/" + instanceId.orElse(""), policy.startTaskRate(), now);
            }

            @Override
            public boolean instanceExists() {
                return ports.instances().find(instanceId.orElseThrow()).isPresent();
            }
        };
    }

    /** Step 1 of every other contact operation: its own bucket. Returns the call's instant. */
    private Instant contactOperation(Optional<String> instanceId) {
        Instant now = ports.clock().instant();
        if (policy.throttlingEnabled()
                && !ports.rateLimiter().tryAcquire("ContactOperation/" + instanceId.orElse(""), policy.contactOperationRate(), now)) {
            throw new ThrottlingException(Reason.RATE_EXCEEDED, "Contact operation rate exceeded for this instance; retry later");
        }
        return now;
    }

    private String existingInstance(Optional<String> instanceId) {
        String id = Refusals.required(instanceId, "InstanceId", 1, 100);
        if (ports.instances().find(id).isEmpty()) {
            throw instanceNotFound(id);
        }
        return id;
    }

    private static ResourceNotFoundException instanceNotFound(String instanceId) {
        return new ResourceNotFoundException(Reason.INSTANCE, "InstanceId " + instanceId + " was not found");
    }

    private static ResourceNotFoundException notFound(Reason reason, String member, String id) {
        return new ResourceNotFoundException(reason, member + " " + id + " was not found in this instance");
    }
}
