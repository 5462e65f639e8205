package dev.connecttasks.application.service;

import static dev.connecttasks.application.service.PortFailures.guarded;

import dev.connecttasks.application.port.in.DescribeContactResponse;
import dev.connecttasks.application.port.in.GetContactAttributesResponse;
import dev.connecttasks.application.port.in.ListContactReferencesResponse;
import dev.connecttasks.domain.request.ListContactReferencesRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import dev.connecttasks.domain.rules.OutboundVoiceRules;
import dev.connecttasks.application.port.in.StartOutboundVoiceContactResponse;
import dev.connecttasks.application.port.in.StartTaskContactResponse;
import dev.connecttasks.application.port.in.TaskContacts;
import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import dev.connecttasks.domain.rules.ContactOperationRules;
import dev.connecttasks.domain.rules.StartTaskDecision;
import dev.connecttasks.domain.rules.StartTaskRules;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The contact operations: each takes its rate token, asks the rules, reads the facts they need from
 * one instance transaction, and stores the decision. The rules decide; this class only fetches and stores.
 */
final class TaskContactsService implements TaskContacts {

    private final ContactStore contacts;
    private final KnownInstances instances;
    private final RateBuckets rates;
    private final IdSource ids;
    private final Clock clock;
    private final StartTaskRules startRules;
    private final ContactOperationRules contactRules;
    private final OutboundVoiceRules voiceRules;
    private final dev.connecttasks.domain.rules.TransferRules transferRules;
    private final int openTaskQuota;

    TaskContactsService(ContactStore contacts, KnownInstances instances, RateBuckets rates, IdSource ids, Clock clock, TaskPolicy policy) {
        this.contacts = contacts;
        this.instances = instances;
        this.rates = rates;
        this.ids = ids;
        this.clock = clock;
        this.startRules = new StartTaskRules(policy);
        this.openTaskQuota = policy.openTasksPerInstance();
        this.contactRules = new ContactOperationRules(policy);
        this.voiceRules = new OutboundVoiceRules(policy);
        this.transferRules = new dev.connecttasks.domain.rules.TransferRules(policy);
    }

    @Override
    public StartTaskContactResponse startTaskContact(StartTaskContactRequest given) {
        StartTaskContactRequest request = ResourceArns.resolved(given);
        return guarded("StartTaskContact", () -> {
            Instant now = clock.instant();
            startRules.admit(request, instances.startAdmission(rates.startTask(request.instanceId(), now)));
            String contactId = inInstanceTransaction(request.instanceId().orElseThrow(), transaction -> {
                StartTaskDecision decision = startRules.decide(request, new TransactionTaskFacts(transaction, now, openTaskQuota), now);
                if (decision instanceof StartTaskDecision.Create create) {
                    NewTask task = create.draft().withContactId(ids.newId());
                    transaction.insertTask(task);
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
            Instant now = clock.instant();
            Contact contact = committedContact(request.instanceId(), request.contactId(), "ContactId", now);
            return new DescribeContactResponse(contact, contact.state(now), contact.disconnectTimestamp(now), contact.disconnectReason(now),
                    contact.expiresAt(), sharedAttributes(contact), Map.of());
        });
    }

    @Override
    public void updateContactAttributes(UpdateContactAttributesRequest given) {
        UpdateContactAttributesRequest request = new UpdateContactAttributesRequest(given.instanceId().map(ResourceArns::instanceId),
                given.initialContactId(), given.attributes());
        guarded("UpdateContactAttributes", () -> {
            contactRules.admitAttributeUpdate(request, instances.admission(rates.contactOperation(request.instanceId(), clock.instant())));
            String contactId = request.initialContactId().orElseThrow();
            inInstanceTransaction(request.instanceId().orElseThrow(), transaction -> {
                Contact contact = ContactOperationRules.existing(transaction.contact(contactId), contactId);
                String scope = contact.initialContactId();
                transaction.putScopeAttributes(scope, contactRules.mergedScope(transaction.scopeAttributes(scope), request.attributes()));
                return null;
            });
        });
    }

    @Override
    public GetContactAttributesResponse getContactAttributes(GetContactAttributesRequest request) {
        return guarded("GetContactAttributes", () -> {
            Contact contact = committedContact(request.instanceId(), request.initialContactId(), "InitialContactId", clock.instant());
            return new GetContactAttributesResponse(sharedAttributes(contact));
        });
    }

    @Override
    public void stopContact(StopContactRequest request) {
        guarded("StopContact", () -> {
            Instant now = clock.instant();
            changeContact(request.instanceId(), request.contactId(), now, contact -> ContactOperationRules.stop(contact, now));
        });
    }

    @Override
    public void updateContactSchedule(UpdateContactScheduleRequest request) {
        guarded("UpdateContactSchedule", () -> {
            Instant now = clock.instant();
            changeContact(request.instanceId(), request.contactId(), now, contact -> contactRules.reschedule(contact, request.scheduledTime(), now));
        });
    }

    @Override
    public StartOutboundVoiceContactResponse startOutboundVoiceContact(StartOutboundVoiceContactRequest given) {
        Optional<String> voiceInstance = given.instanceId().map(ResourceArns::instanceId);
        StartOutboundVoiceContactRequest request = new StartOutboundVoiceContactRequest(voiceInstance,
                ResourceArns.contactFlowId(given.contactFlowId(), voiceInstance), given.destinationPhoneNumber(), given.sourcePhoneNumber(), given.name(), given.description(),
                given.references(), given.relatedContactId(), given.clientToken(), given.attributes(), given.ringTimeoutInSeconds());
        return guarded("StartOutboundVoiceContact", () -> {
            Instant now = clock.instant();
            voiceRules.admit(request, instances.admission(rates.contactOperation(request.instanceId(), now)));
            java.util.function.Supplier<String> newId = onceAcrossAttempts();
            return new StartOutboundVoiceContactResponse(inInstanceTransaction(request.instanceId().orElseThrow(), transaction -> {
                OutboundVoiceRules.Decision decision = voiceRules.decide(request, new TransactionRecordingFacts(transaction), now, newId);
                if (decision instanceof OutboundVoiceRules.Decision.Record record) {
                    transaction.insertContact(record.contact(), record.attributes(), record.token());
                    return record.contact().contactId();
                }
                return ((OutboundVoiceRules.Decision.Replay) decision).contactId();
            }));
        });
    }

    @Override
    public dev.connecttasks.domain.rules.SearchRules.Result searchContacts(dev.connecttasks.domain.request.SearchContactsRequest given) {
        dev.connecttasks.domain.request.SearchContactsRequest request = given.toBuilder()
                .instanceId(given.instanceId().map(ResourceArns::instanceId).orElse(null)).build();
        return guarded("SearchContacts", () -> {
            Instant now = clock.instant();
            var facts = instances.admission(rates.contactOperation(request.instanceId(), now));
            dev.connecttasks.domain.rules.Admission.rate(facts, "SearchContacts");
            dev.connecttasks.domain.rules.SearchRules.Search search = dev.connecttasks.domain.rules.SearchRules.check(request);
            dev.connecttasks.domain.rules.Admission.instance(facts, request.instanceId().orElseThrow());
            return search.page(contacts.initiatedBetween(request.instanceId().orElseThrow(), search.from(), search.to()), now);
        });
    }

    @Override
    public void updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest given) {
        guarded("UpdateContactTaskTemplate", () -> {
            Instant now = clock.instant();
            Optional<String> instanceId = given.instanceId().map(ResourceArns::instanceId);
            ContactOperationRules.admit(instanceId, given.contactId(), "ContactId", instances.admission(rates.contactOperation(instanceId, now)),
                    () -> ContactOperationRules.taskTemplateId(given));
            String id = given.contactId().orElseThrow();
            String templateId = ResourceArns.taskTemplateId(given.taskTemplateId(), instanceId).orElseThrow();
            inInstanceTransaction(instanceId.orElseThrow(), transaction -> {
                Contact contact = ContactOperationRules.existing(transaction.contact(id), id);
                transaction.updateContact(ContactOperationRules.changeTemplate(contact, transaction.taskTemplate(templateId), templateId, now));
                return null;
            });
        });
    }

    @Override
    public dev.connecttasks.application.port.in.TransferContactResponse transferContact(dev.connecttasks.domain.request.TransferContactRequest given) {
        Optional<String> transferInstance = given.instanceId().map(ResourceArns::instanceId);
        var request = new dev.connecttasks.domain.request.TransferContactRequest(transferInstance, given.contactId(),
                ResourceArns.contactFlowId(given.contactFlowId(), transferInstance), given.queueId(), given.userId(), given.clientToken());
        return guarded("TransferContact", () -> {
            Instant now = clock.instant();
            transferRules.admit(request, instances.admission(rates.contactOperation(request.instanceId(), now)));
            java.util.function.Supplier<String> newId = onceAcrossAttempts();
            return new dev.connecttasks.application.port.in.TransferContactResponse(inInstanceTransaction(request.instanceId().orElseThrow(),
                    transaction -> {
                        var decision = transferRules.decide(request, new TransactionRecordingFacts(transaction), now, newId);
                        if (decision instanceof dev.connecttasks.domain.rules.TransferRules.Decision.Transfer transfer) {
                            String chain = transfer.ended().initialContactId();
                            var attributes = transaction.scopeAttributes(chain);
                            transaction.updateContact(transfer.ended());
                            transaction.insertTask(new NewTask(transfer.successor(), chain, attributes, transfer.token()));
                            return transfer.successor().contactId();
                        }
                        return ((dev.connecttasks.domain.rules.TransferRules.Decision.Replay) decision).contactId();
                    }));
        });
    }

    @Override
    public void updateContact(UpdateContactRequest given) {
        UpdateContactRequest request = new UpdateContactRequest(given.instanceId().map(ResourceArns::instanceId), given.contactId(),
                given.name(), given.description(), given.references(), given.segmentAttributes());
        guarded("UpdateContact", () -> {
            Instant now = clock.instant();
            ContactOperationRules.admitUpdate(request, instances.admission(rates.contactOperation(request.instanceId(), now)));
            String id = request.contactId().orElseThrow();
            inInstanceTransaction(request.instanceId().orElseThrow(), transaction -> {
                Contact contact = ContactOperationRules.existing(transaction.contact(id), id);
                transaction.updateContact(ContactOperationRules.update(contact, request, now));
                return null;
            });
        });
    }

    @Override
    public ListContactReferencesResponse listContactReferences(ListContactReferencesRequest request) {
        return guarded("ListContactReferences", () -> {
            Optional<String> instanceId = request.instanceId().map(ResourceArns::instanceId);
            Instant now = clock.instant();
            ContactOperationRules.admit(instanceId, request.contactId(), "ContactId", instances.admission(rates.contactOperation(instanceId, now)),
                    () -> ContactOperationRules.referenceTypes(request));
            java.util.Set<String> types = ContactOperationRules.referenceTypes(request);
            String id = request.contactId().orElseThrow();
            Contact contact = ContactOperationRules.existing(contacts.findContact(instanceId.orElseThrow(), id), id);
            return new ListContactReferencesResponse(ContactOperationRules.references(contact, types).stream()
                    .map(e -> new ListContactReferencesResponse.Listed(e.getKey(), e.getValue().type().orElseThrow(), e.getValue().valueOrEmpty()))
                    .toList());
        });
    }

    /**
     * An id drawn on first use and the same on every later one: a store may run a transaction's work
     * again after a conflict, and the call must still draw one id, as the sequence a test injects expects.
     */
    private java.util.function.Supplier<String> onceAcrossAttempts() {
        String[] drawn = new String[1];
        return () -> {
            if (drawn[0] == null) {
                drawn[0] = ids.newId();
            }
            return drawn[0];
        };
    }

    /** Steps 1-4 of a reading contact operation: a committed contact, read outside any transaction. */
    /**
     * The attributes of the contact's chain, read after the contact. None read where the contact is
     * gone by then (its instance was deleted between the two reads) is that deletion's refusal, not an
     * empty set the contact never had.
     */
    private Map<String, String> sharedAttributes(Contact contact) {
        Map<String, String> attributes = contacts.scopeAttributes(contact.instanceId(), contact.initialContactId());
        if (attributes.isEmpty()) {
            instances.afterDeletionRefusedAsInstance(contact.instanceId(), () -> ContactOperationRules.existing(
                    contacts.findContact(contact.instanceId(), contact.contactId()), contact.contactId()));
        }
        return attributes;
    }

    /** A transaction of the instance; one that ran into the instance's deletion is refused as coming after it. */
    private <T> T inInstanceTransaction(String instanceId, java.util.function.Function<InstanceTransaction, T> work) {
        return instances.afterDeletionRefusedAsInstance(instanceId, () -> contacts.inTransaction(instanceId, work));
    }

    private Contact committedContact(Optional<String> given, Optional<String> contactId, String contactMember, Instant now) {
        Optional<String> instanceId = given.map(ResourceArns::instanceId);
        ContactOperationRules.admit(instanceId, contactId, contactMember, instances.admission(rates.contactOperation(instanceId, now)));
        String id = contactId.orElseThrow();
        return instances.afterDeletionRefusedAsInstance(instanceId.orElseThrow(),
                () -> ContactOperationRules.existing(contacts.findContact(instanceId.orElseThrow(), id), id));
    }

    /** Steps 1-4 of StopContact and UpdateContactSchedule, then step 5, {@code change}, on the contact the transaction read. */
    private void changeContact(Optional<String> given, Optional<String> contactId, Instant now, UnaryOperator<Contact> change) {
        Optional<String> instanceId = given.map(ResourceArns::instanceId);
        ContactOperationRules.admit(instanceId, contactId, "ContactId", instances.admission(rates.contactOperation(instanceId, now)));
        String id = contactId.orElseThrow();
        inInstanceTransaction(instanceId.orElseThrow(), transaction -> {
            Contact contact = ContactOperationRules.existing(transaction.contact(id), id);
            transaction.updateContact(change.apply(contact));
            return null;
        });
    }
}
