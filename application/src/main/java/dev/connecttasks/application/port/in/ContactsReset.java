package dev.connecttasks.application.port.in;

import java.util.Optional;

/**
 * Empties instances of their contacts, for tests that reuse one service (the local server's
 * {@code /_connect-tasks/reset}): every contact with its attributes, references, tags, ClientTokens,
 * linked-task counts and open-task count goes; instances and their flows, quick connects and
 * templates stay. Not an Amazon Connect operation. The services the library builds implement it.
 */
public interface ContactsReset {

    /** Every instance's contacts, or only {@code instanceId}'s (refused with ResourceNotFoundException INSTANCE when there is none). */
    void resetContacts(Optional<String> instanceId);
}
