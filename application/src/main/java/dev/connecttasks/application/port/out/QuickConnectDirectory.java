package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.flow.QuickConnect;
import java.util.Optional;

/** Quick connects by instance and id; {@link #save} inserts or replaces. */
public interface QuickConnectDirectory {

    void save(QuickConnect quickConnect);

    Optional<QuickConnect> find(String instanceId, String quickConnectId);
}
