package dev.connecttasks.adapter.memory;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One instance's contacts. Writers hold {@link #lock}; contacts and scopes are concurrent maps of
 * immutable values, so readers outside a transaction see whole values without locking.
 */
final class InstanceContacts {

    final ReentrantLock lock = new ReentrantLock();
    final ConcurrentHashMap<String, Contact> contacts = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Map<String, String>> scopes = new ConcurrentHashMap<>();
    final Map<String, Integer> linkedTasks = new HashMap<>();
    final Map<String, ClientTokenRecord> clientTokens = new HashMap<>();
    final OpenTaskExpiries openTasks = new OpenTaskExpiries();
}
