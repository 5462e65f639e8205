package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.domain.flow.ContactFlow;
import java.util.Optional;

/** Contact flows in memory by instance and id; thread-safe. */
public final class InMemoryFlowDirectory implements FlowDirectory, InMemoryInstanceContents {

    private final InstanceScopedMap<ContactFlow> flows = new InstanceScopedMap<>();

    @Override
    public void save(ContactFlow flow) {
        flows.put(flow.instanceId(), flow.contactFlowId(), flow);
    }

    @Override
    public Optional<ContactFlow> find(String instanceId, String contactFlowId) {
        return flows.get(instanceId, contactFlowId);
    }

    @Override
    public java.util.List<ContactFlow> list(String instanceId) {
        return flows.all(instanceId);
    }

    @Override
    public boolean delete(String instanceId, String contactFlowId) {
        return flows.remove(instanceId, contactFlowId);
    }

    @Override
    public void forget(String instanceId) {
        flows.forget(instanceId);
    }
}
