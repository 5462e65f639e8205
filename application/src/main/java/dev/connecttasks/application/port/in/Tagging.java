package dev.connecttasks.application.port.in;

import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;

/**
 * Tags of instances, flows, quick connects and templates (named by the ARN the service hands out)
 * and of contacts. Adding merges (new values win); removing a key that is not there is no change.
 */
public interface Tagging {

    /** Where the {@code CompletableFuture} forms run: the executor the service was built with, or the library's own daemon threads. */
    default java.util.concurrent.Executor asyncExecutor() {
        return Async.SHARED;
    }

    /**
     * Refuses with {@code InvalidParameterException MISSING_PARAMETER}, {@code INVALID_LENGTH},
     * {@code INVALID_CHARACTERS}, {@code INVALID_TAG} (a key outside the pattern, or more than 50 in all);
     * {@code ResourceNotFoundException INSTANCE}, {@code CONTACT_FLOW}, {@code QUICK_CONNECT},
     * {@code TASK_TEMPLATE}, or {@code RESOURCE} for an ARN that names nothing this service hands out.
     */
    void tagResource(String resourceArn, Map<String, String> tags);

    /** Refusals as {@link #tagResource}. */
    void untagResource(String resourceArn, List<String> tagKeys);

    /** Refusals as {@link #tagResource}. */
    Map<String, String> listTagsForResource(String resourceArn);

    /** At most 6 tags a contact. Refuses as {@link #tagResource}, with {@code ResourceNotFoundException CONTACT}. */
    void tagContact(String instanceId, String contactId, Map<String, String> tags);

    /** Refusals as {@link #tagContact}. */
    void untagContact(String instanceId, String contactId, List<String> tagKeys);

    /** A contact's tags, as DescribeContact shows them; refusals as {@link #tagContact}. */
    Map<String, String> contactTags(String instanceId, String contactId);

    /** {@link #tagResource} on the common pool. */
    default CompletableFuture<Void> tagResourceAsync(String resourceArn, Map<String, String> tags) {
        return Async.run(asyncExecutor(), () -> tagResource(resourceArn, tags));
    }

    /** {@link #untagResource} on the common pool. */
    default CompletableFuture<Void> untagResourceAsync(String resourceArn, List<String> tagKeys) {
        return Async.run(asyncExecutor(), () -> untagResource(resourceArn, tagKeys));
    }

    /** {@link #listTagsForResource} on the common pool. */
    default CompletableFuture<Map<String, String>> listTagsForResourceAsync(String resourceArn) {
        return Async.call(asyncExecutor(), () -> listTagsForResource(resourceArn));
    }

    /** {@link #tagContact} on the common pool. */
    default CompletableFuture<Void> tagContactAsync(String instanceId, String contactId, Map<String, String> tags) {
        return Async.run(asyncExecutor(), () -> tagContact(instanceId, contactId, tags));
    }

    /** {@link #untagContact} on the common pool. */
    default CompletableFuture<Void> untagContactAsync(String instanceId, String contactId, List<String> tagKeys) {
        return Async.run(asyncExecutor(), () -> untagContact(instanceId, contactId, tagKeys));
    }

    /** {@link #contactTags} on the common pool. */
    default CompletableFuture<Map<String, String>> contactTagsAsync(String instanceId, String contactId) {
        return Async.call(asyncExecutor(), () -> contactTags(instanceId, contactId));
    }
}
