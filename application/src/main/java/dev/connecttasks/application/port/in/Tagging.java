package dev.connecttasks.application.port.in;

import java.util.List;
import java.util.Map;

/**
 * Tags of instances, flows, quick connects and templates (named by the ARN the service hands out)
 * and of contacts. Adding merges (new values win); removing a key that is not there is no change.
 */
public interface Tagging {

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
}
