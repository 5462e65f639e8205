package dev.connecttasks.application.port.in;

import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The contact operations, each in a synchronous form and a CompletableFuture form as the AWS SDK
 * offers them. Errors are the subclasses of {@code ConnectException}; an async form completes
 * exceptionally with the same exception.
 */
public interface TaskContacts {

    StartTaskContactResponse startTaskContact(StartTaskContactRequest request);

    DescribeContactResponse describeContact(DescribeContactRequest request);

    void updateContactAttributes(UpdateContactAttributesRequest request);

    GetContactAttributesResponse getContactAttributes(GetContactAttributesRequest request);

    void stopContact(StopContactRequest request);

    void updateContactSchedule(UpdateContactScheduleRequest request);

    default CompletableFuture<StartTaskContactResponse> startTaskContactAsync(StartTaskContactRequest request) {
        return Async.call(() -> startTaskContact(request));
    }

    default CompletableFuture<DescribeContactResponse> describeContactAsync(DescribeContactRequest request) {
        return Async.call(() -> describeContact(request));
    }

    default CompletableFuture<Void> updateContactAttributesAsync(UpdateContactAttributesRequest request) {
        return Async.run(() -> updateContactAttributes(request));
    }

    default CompletableFuture<GetContactAttributesResponse> getContactAttributesAsync(GetContactAttributesRequest request) {
        return Async.call(() -> getContactAttributes(request));
    }

    default CompletableFuture<Void> stopContactAsync(StopContactRequest request) {
        return Async.run(() -> stopContact(request));
    }

    default CompletableFuture<Void> updateContactScheduleAsync(UpdateContactScheduleRequest request) {
        return Async.run(() -> updateContactSchedule(request));
    }
}
