package dev.connecttasks.application.port.in;

import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.request.ListContactReferencesRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The contact operations, each in a synchronous form and a CompletableFuture form as the AWS SDK
 * offers them. Errors are the subclasses of {@code ConnectException}, each with its
 * {@code Reason}; an async form completes exceptionally with the same exception. Every operation
 * may also fail with {@code InternalServiceException} {@code ADAPTER_FAILURE} when a store fails,
 * and then changes nothing. Refusals are listed in the order they are checked.
 */
public interface TaskContacts {

    /** Where the {@code CompletableFuture} forms run: the executor the service was built with, or the library's own daemon threads. */
    default java.util.concurrent.Executor asyncExecutor() {
        return Async.SHARED;
    }

    /**
     * Creates a task contact, or answers the earlier ContactId for a retried ClientToken.
     * Refuses with, in order: {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException}
     * {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_ATTRIBUTE_KEY}, {@code ATTRIBUTES_TOO_LARGE},
     * {@code INVALID_REFERENCE}, {@code INVALID_SEGMENT_ATTRIBUTE}; {@code InvalidRequestException}
     * {@code PREVIOUS_AND_RELATED}, {@code MULTIPLE_FLOW_SOURCES}, {@code NO_FLOW_SOURCE};
     * {@code ResourceNotFoundException INSTANCE}; {@code InvalidRequestException CLIENT_TOKEN_REUSED};
     * {@code InvalidParameterException SCHEDULED_TIME_IN_PAST}, {@code SCHEDULED_TIME_TOO_FAR};
     * {@code ResourceNotFoundException PREVIOUS_CONTACT}, {@code RELATED_CONTACT}; {@code ResourceNotFoundException}
     * {@code CONTACT_FLOW}, {@code QUICK_CONNECT}, {@code TASK_TEMPLATE} and {@code InvalidRequestException}
     * {@code FLOW_NOT_USABLE}, {@code QUICK_CONNECT_HAS_NO_FLOW}, {@code TEMPLATE_INACTIVE}, {@code TEMPLATE_HAS_NO_FLOW};
     * {@code InvalidParameterException TEMPLATE_FIELD_MISSING}, {@code TEMPLATE_FIELD_INVALID}, {@code ATTRIBUTES_TOO_LARGE};
     * {@code ServiceQuotaExceededException LINKED_TASKS}, {@code ACTIVE_TASKS}.
     */
    StartTaskContactResponse startTaskContact(StartTaskContactRequest request);

    /**
     * A contact with its state at the time of the call and its scope's attributes. Refuses with
     * {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException MISSING_PARAMETER},
     * {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, {@code CONTACT}.
     */
    DescribeContactResponse describeContact(DescribeContactRequest request);

    /**
     * Merges attributes into the scope of the named contact (new values win; ended contacts too).
     * Refuses with {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException MISSING_PARAMETER},
     * {@code INVALID_LENGTH}, {@code INVALID_ATTRIBUTE_KEY}, {@code ATTRIBUTES_TOO_LARGE}; {@code ResourceNotFoundException}
     * {@code INSTANCE}, {@code CONTACT}; {@code InvalidParameterException ATTRIBUTES_TOO_LARGE} (after the merge).
     */
    void updateContactAttributes(UpdateContactAttributesRequest request);

    /**
     * The attributes of the named contact's scope. Refuses with {@code ThrottlingException RATE_EXCEEDED};
     * {@code InvalidParameterException MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException}
     * {@code INSTANCE}, {@code CONTACT}.
     */
    GetContactAttributesResponse getContactAttributes(GetContactAttributesRequest request);

    /**
     * Ends an open contact now (disconnect reason API), freeing its open-task slot. Refuses with
     * {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException MISSING_PARAMETER},
     * {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, {@code CONTACT};
     * {@code ContactNotFoundException CONTACT_NOT_ACTIVE} when it has already ended.
     */
    void stopContact(StopContactRequest request);

    /**
     * Moves the ScheduledTime of a task still waiting for it. Refuses with {@code ThrottlingException RATE_EXCEEDED};
     * {@code InvalidParameterException MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException}
     * {@code INSTANCE}, {@code CONTACT}; {@code InvalidParameterException MISSING_PARAMETER} (ScheduledTime);
     * {@code InvalidRequestException CONTACT_NOT_SCHEDULED}; {@code InvalidParameterException SCHEDULED_TIME_IN_PAST},
     * {@code SCHEDULED_TIME_TOO_FAR}; {@code LimitExceededException RESCHEDULE_LIMIT}.
     */
    void updateContactSchedule(UpdateContactScheduleRequest request);

    /**
     * Changes an ongoing or ended contact: Name and Description replaced, References merged by name,
     * a task's {@code connect:ContactExpiry} moved. Refuses with {@code ThrottlingException RATE_EXCEEDED};
     * {@code InvalidParameterException MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_CHARACTERS},
     * {@code INVALID_REFERENCE}, {@code INVALID_SEGMENT_ATTRIBUTE}; {@code ResourceNotFoundException INSTANCE},
     * {@code CONTACT}; {@code InvalidParameterException INVALID_SEGMENT_ATTRIBUTE} (not a task, or an expiry
     * not after now); {@code InvalidRequestException CONTACT_NOT_ACTIVE} (an ended task's expiry).
     */
    void updateContact(UpdateContactRequest request);

    /**
     * Ends a task in progress and records its successor, linked by PreviousContactId, in the same
     * chain, routed through the given flow (to a queue, an agent or neither). Refuses with
     * {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException MISSING_PARAMETER},
     * {@code INVALID_LENGTH}, {@code INVALID_CHARACTERS}; {@code InvalidRequestException TRANSFER_TARGETS};
     * {@code ResourceNotFoundException INSTANCE}; {@code IdempotencyException CLIENT_TOKEN_REUSED};
     * {@code ResourceNotFoundException CONTACT}; {@code InvalidRequestException NOT_A_TASK}, {@code CONTACT_NOT_ACTIVE};
     * {@code ServiceQuotaExceededException TRANSFER_LIMIT}; {@code ResourceNotFoundException CONTACT_FLOW};
     * {@code InvalidRequestException FLOW_NOT_USABLE}.
     */
    TransferContactResponse transferContact(dev.connecttasks.domain.request.TransferContactRequest request);

    /**
     * Moves a task in progress to another template (at most 5 times); its flow stays. Refuses with
     * {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException MISSING_PARAMETER},
     * {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, {@code CONTACT}; {@code InvalidRequestException}
     * {@code NOT_A_TASK}, {@code CONTACT_NOT_ACTIVE}; {@code ResourceNotFoundException TASK_TEMPLATE};
     * {@code InvalidRequestException TEMPLATE_UNCHANGED}, {@code TEMPLATE_INACTIVE}; {@code LimitExceededException}
     * {@code TEMPLATE_CHANGE_LIMIT}; {@code PropertyValidationException TEMPLATE_FIELD_MISSING}, {@code TEMPLATE_FIELD_INVALID}.
     */
    void updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest request);

    /**
     * Records an outbound VOICE contact (no call is placed) that tasks may link to. Refuses with
     * {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException MISSING_PARAMETER},
     * {@code INVALID_LENGTH}, {@code INVALID_CHARACTERS}, {@code INVALID_VALUE}, {@code INVALID_REFERENCE},
     * {@code INVALID_ATTRIBUTE_KEY}, {@code ATTRIBUTES_TOO_LARGE}; {@code ResourceNotFoundException INSTANCE};
     * {@code InvalidRequestException CLIENT_TOKEN_REUSED}; {@code ResourceNotFoundException CONTACT_FLOW},
     * {@code RELATED_CONTACT}.
     */
    StartOutboundVoiceContactResponse startOutboundVoiceContact(StartOutboundVoiceContactRequest request);

    /**
     * The contact's references of the given types, by name. Refuses with {@code ThrottlingException RATE_EXCEEDED};
     * {@code InvalidParameterException MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE};
     * {@code ResourceNotFoundException INSTANCE}, {@code CONTACT}.
     */
    ListContactReferencesResponse listContactReferences(ListContactReferencesRequest request);

    /**
     * The contacts initiated in a time range that match the criteria, a page at a time, with how many
     * match in all. Refuses with {@code ThrottlingException RATE_EXCEEDED}; {@code InvalidParameterException}
     * {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE}, {@code INVALID_NEXT_TOKEN};
     * {@code InvalidRequestException MEMBER_NOT_SUPPORTED}; {@code ResourceNotFoundException INSTANCE}.
     */
    dev.connecttasks.domain.rules.SearchRules.Result searchContacts(dev.connecttasks.domain.request.SearchContactsRequest request);

    /** {@link #startTaskContact} on the common pool. */
    default CompletableFuture<StartTaskContactResponse> startTaskContactAsync(StartTaskContactRequest request) {
        return Async.call(asyncExecutor(), () -> startTaskContact(request));
    }

    /** {@link #describeContact} on the common pool. */
    default CompletableFuture<DescribeContactResponse> describeContactAsync(DescribeContactRequest request) {
        return Async.call(asyncExecutor(), () -> describeContact(request));
    }

    /** {@link #updateContactAttributes} on the common pool. */
    default CompletableFuture<Void> updateContactAttributesAsync(UpdateContactAttributesRequest request) {
        return Async.run(asyncExecutor(), () -> updateContactAttributes(request));
    }

    /** {@link #getContactAttributes} on the common pool. */
    default CompletableFuture<GetContactAttributesResponse> getContactAttributesAsync(GetContactAttributesRequest request) {
        return Async.call(asyncExecutor(), () -> getContactAttributes(request));
    }

    /** {@link #stopContact} on the common pool. */
    default CompletableFuture<Void> stopContactAsync(StopContactRequest request) {
        return Async.run(asyncExecutor(), () -> stopContact(request));
    }

    /** {@link #updateContactSchedule} on the common pool. */
    default CompletableFuture<Void> updateContactScheduleAsync(UpdateContactScheduleRequest request) {
        return Async.run(asyncExecutor(), () -> updateContactSchedule(request));
    }

    /** {@link #startOutboundVoiceContact} on the common pool. */
    default CompletableFuture<StartOutboundVoiceContactResponse> startOutboundVoiceContactAsync(StartOutboundVoiceContactRequest request) {
        return Async.call(asyncExecutor(), () -> startOutboundVoiceContact(request));
    }

    /** {@link #updateContact} on the common pool. */
    default CompletableFuture<Void> updateContactAsync(UpdateContactRequest request) {
        return Async.run(asyncExecutor(), () -> updateContact(request));
    }

    /** {@link #listContactReferences} on the common pool. */
    default CompletableFuture<ListContactReferencesResponse> listContactReferencesAsync(ListContactReferencesRequest request) {
        return Async.call(asyncExecutor(), () -> listContactReferences(request));
    }

    /** {@link #transferContact} on the common pool. */
    default CompletableFuture<TransferContactResponse> transferContactAsync(dev.connecttasks.domain.request.TransferContactRequest request) {
        return Async.call(asyncExecutor(), () -> transferContact(request));
    }

    /** {@link #updateContactTaskTemplate} on the common pool. */
    default CompletableFuture<Void> updateContactTaskTemplateAsync(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest request) {
        return Async.run(asyncExecutor(), () -> updateContactTaskTemplate(request));
    }

    /** {@link #searchContacts} on the common pool. */
    default CompletableFuture<dev.connecttasks.domain.rules.SearchRules.Result> searchContactsAsync(dev.connecttasks.domain.request.SearchContactsRequest request) {
        return Async.call(asyncExecutor(), () -> searchContacts(request));
    }

    /** {@link #startTaskContact(dev.connecttasks.domain.request.StartTaskContactRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default StartTaskContactResponse startTaskContact(java.util.function.Consumer<dev.connecttasks.domain.request.StartTaskContactRequest.Builder> request) {
        return startTaskContact(Built.by(dev.connecttasks.domain.request.StartTaskContactRequest.builder(), request).build());
    }

    /** {@link #describeContact(dev.connecttasks.domain.request.DescribeContactRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default DescribeContactResponse describeContact(java.util.function.Consumer<dev.connecttasks.domain.request.DescribeContactRequest.Builder> request) {
        return describeContact(Built.by(dev.connecttasks.domain.request.DescribeContactRequest.builder(), request).build());
    }

    /** {@link #updateContactAttributes(dev.connecttasks.domain.request.UpdateContactAttributesRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default void updateContactAttributes(java.util.function.Consumer<dev.connecttasks.domain.request.UpdateContactAttributesRequest.Builder> request) {
        updateContactAttributes(Built.by(dev.connecttasks.domain.request.UpdateContactAttributesRequest.builder(), request).build());
    }

    /** {@link #getContactAttributes(dev.connecttasks.domain.request.GetContactAttributesRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default GetContactAttributesResponse getContactAttributes(java.util.function.Consumer<dev.connecttasks.domain.request.GetContactAttributesRequest.Builder> request) {
        return getContactAttributes(Built.by(dev.connecttasks.domain.request.GetContactAttributesRequest.builder(), request).build());
    }

    /** {@link #stopContact(dev.connecttasks.domain.request.StopContactRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default void stopContact(java.util.function.Consumer<dev.connecttasks.domain.request.StopContactRequest.Builder> request) {
        stopContact(Built.by(dev.connecttasks.domain.request.StopContactRequest.builder(), request).build());
    }

    /** {@link #updateContactSchedule(dev.connecttasks.domain.request.UpdateContactScheduleRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default void updateContactSchedule(java.util.function.Consumer<dev.connecttasks.domain.request.UpdateContactScheduleRequest.Builder> request) {
        updateContactSchedule(Built.by(dev.connecttasks.domain.request.UpdateContactScheduleRequest.builder(), request).build());
    }

    /** {@link #updateContact(dev.connecttasks.domain.request.UpdateContactRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default void updateContact(java.util.function.Consumer<dev.connecttasks.domain.request.UpdateContactRequest.Builder> request) {
        updateContact(Built.by(dev.connecttasks.domain.request.UpdateContactRequest.builder(), request).build());
    }

    /** {@link #startOutboundVoiceContact(dev.connecttasks.domain.request.StartOutboundVoiceContactRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default StartOutboundVoiceContactResponse startOutboundVoiceContact(java.util.function.Consumer<dev.connecttasks.domain.request.StartOutboundVoiceContactRequest.Builder> request) {
        return startOutboundVoiceContact(Built.by(dev.connecttasks.domain.request.StartOutboundVoiceContactRequest.builder(), request).build());
    }

    /** {@link #listContactReferences(dev.connecttasks.domain.request.ListContactReferencesRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default ListContactReferencesResponse listContactReferences(java.util.function.Consumer<dev.connecttasks.domain.request.ListContactReferencesRequest.Builder> request) {
        return listContactReferences(Built.by(dev.connecttasks.domain.request.ListContactReferencesRequest.builder(), request).build());
    }

    /** {@link #searchContacts(dev.connecttasks.domain.request.SearchContactsRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default dev.connecttasks.domain.rules.SearchRules.Result searchContacts(java.util.function.Consumer<dev.connecttasks.domain.request.SearchContactsRequest.Builder> request) {
        return searchContacts(Built.by(dev.connecttasks.domain.request.SearchContactsRequest.builder(), request).build());
    }
}
