package dev.connecttasks.application.port.out;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tags of an instance's taggable things (the instance itself, its flows, quick connects,
 * templates and contacts), each under a key of its own in the instance ({@code contact/<ContactId>},
 * {@code contact-flow/<ContactFlowId>}, ...).
 */
public interface ResourceTags {

    /** The tags under {@code key}; empty when it has none. */
    Map<String, String> tags(String instanceId, String key);

    /**
     * Replaces the tags under {@code key} by {@code change} of them, atomically: concurrent changes of
     * one key apply one after another, none lost. When {@code change} throws, nothing changes.
     */
    void change(String instanceId, String key, UnaryOperator<Map<String, String>> change);

    /** Removes the tags of every key of the instance that starts with {@code keyPrefix} ({@code contact/}: every contact's). */
    void removeUnder(String instanceId, String keyPrefix);
}
