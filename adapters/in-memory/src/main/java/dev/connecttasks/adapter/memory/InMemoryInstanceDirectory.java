package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.domain.instance.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Instances in memory, listed oldest first; thread-safe. */
public final class InMemoryInstanceDirectory implements InstanceDirectory {

    private final ConcurrentHashMap<String, Instance> instances = new ConcurrentHashMap<>();

    @Override
    public void save(Instance instance) {
        instances.put(instance.instanceId(), instance);
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override
    public List<Instance> list() {
        return instances.values().stream()
                .sorted(Comparator.comparing(Instance::createdTime).thenComparing(Instance::instanceId))
                .collect(Collectors.toUnmodifiableList());
    }
}
