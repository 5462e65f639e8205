package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.instance.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The instances (tenants). */
public interface InstanceDirectory {

    void save(Instance instance);

    /** The instance, unless it was never created or has been deleted. */
    Optional<Instance> find(String instanceId);

    /**
     * Whether a start may go on to its transaction. A store may answer from what this process found
     * before, also for an instance another process has deleted since, if its contact transaction then
     * refuses that instance ({@link ContactStore#inTransaction}); the first start's transaction of an
     * instance needs the instance, and a deletion takes with it what the later ones need.
     */
    default boolean knownToExist(String instanceId) {
        return find(instanceId).isPresent();
    }

    /** The instances not deleted. */
    List<Instance> list();

    /**
     * Deletes the instance and everything stored under it (contacts, their attributes, tokens and
     * counters, flows, quick connects, templates, tags): from the moment this returns, no store
     * finds any of it. A deleted instance stays known as deleted, with the ClientToken of its
     * deletion, so that a retry with that token is told {@link Deletion#REPLAYED}.
     */
    Deletion delete(String instanceId, Optional<String> clientToken, Instant at);

    /** What {@link #delete} found. */
    enum Deletion {
        /** The instance existed and is deleted now. */
        DELETED,
        /** The instance was deleted earlier, by a call with this same ClientToken. */
        REPLAYED,
        /** No such instance: never created, or deleted by a call with another or no token. */
        NOT_FOUND
    }
}
