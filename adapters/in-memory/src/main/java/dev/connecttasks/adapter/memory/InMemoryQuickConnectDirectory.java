package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.QuickConnectDirectory;
import dev.connecttasks.domain.flow.QuickConnect;
import java.util.Optional;

/** Quick connects in memory by instance and id; thread-safe. */
public final class InMemoryQuickConnectDirectory implements QuickConnectDirectory, InMemoryInstanceContents {

    private final InstanceScopedMap<QuickConnect> quickConnects = new InstanceScopedMap<>();

    @Override
    public void save(QuickConnect quickConnect) {
        quickConnects.put(quickConnect.instanceId(), quickConnect.quickConnectId(), quickConnect);
    }

    @Override
    public java.util.List<QuickConnect> list(String instanceId) {
        return quickConnects.all(instanceId);
    }

    @Override
    public Optional<QuickConnect> find(String instanceId, String quickConnectId) {
        return quickConnects.get(instanceId, quickConnectId);
    }

    @Override
    public boolean delete(String instanceId, String quickConnectId) {
        return quickConnects.remove(instanceId, quickConnectId);
    }

    @Override
    public void forget(String instanceId) {
        quickConnects.forget(instanceId);
    }
}
