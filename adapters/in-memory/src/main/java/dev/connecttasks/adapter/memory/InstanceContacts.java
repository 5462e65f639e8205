package dev.connecttasks.adapter.memory;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance's contacts: concurrent maps of immutable values, so a read sees whole values. A
 * transaction locks the chains and tokens it reads ({@link #locks}); the open-task count is an
 * escrow ({@link #openTasks}), so no lock spans the instance.
 */
final class InstanceContacts {

    final KeyLocks locks = new KeyLocks();
    final ConcurrentHashMap<String, Contact> contacts = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Map<String, String>> scopes = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Integer> linkedTasks = new ConcurrentHashMap<>();
    /** By InitialContactId: the chain's tasks created with a PreviousContactId. */
    final ConcurrentHashMap<String, Integer> chainLinkedTasks = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, ClientTokenRecord> clientTokens = new ConcurrentHashMap<>();
    final OpenTaskQuota openTasks = new OpenTaskQuota();

    static String chainKey(String initialContactId) {
        return "chain:" + initialContactId;
    }

    static String tokenKey(String clientToken) {
        return "token:" + clientToken;
    }
}
