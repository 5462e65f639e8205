package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.flow.ContactFlow;
import java.util.List;
import java.util.Optional;

/** Contact flows by instance and id; {@link #save} inserts or replaces. */
public interface FlowDirectory {

    void save(ContactFlow flow);

    Optional<ContactFlow> find(String instanceId, String contactFlowId);

    /** The instance's flows, ordered by id. */
    List<ContactFlow> list(String instanceId);

    /** Removes it; false when there was none. Contacts that resolved their flow through it keep what they resolved. */
    boolean delete(String instanceId, String contactFlowId);
}
