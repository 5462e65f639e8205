package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.flow.QuickConnect;
import java.util.List;
import java.util.Optional;

/** Quick connects by instance and id; {@link #save} inserts or replaces. */
public interface QuickConnectDirectory {

    void save(QuickConnect quickConnect);

    Optional<QuickConnect> find(String instanceId, String quickConnectId);

    /** The instance's quick connects, ordered by id. */
    List<QuickConnect> list(String instanceId);

    /** Removes it; false when there was none. Contacts that resolved their flow through it keep what they resolved. */
    boolean delete(String instanceId, String quickConnectId);
}
