package dev.connecttasks.adapter.memory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Values keyed by (instance, id): what the three directories share. */
final class InstanceScopedMap<T> {

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, T>> byInstance = new ConcurrentHashMap<>();

    void put(String instanceId, String id, T value) {
        byInstance.computeIfAbsent(instanceId, i -> new ConcurrentHashMap<>()).put(id, value);
    }

    Optional<T> get(String instanceId, String id) {
        ConcurrentHashMap<String, T> values = byInstance.get(instanceId);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(id));
    }

    boolean remove(String instanceId, String id) {
        ConcurrentHashMap<String, T> values = byInstance.get(instanceId);
        return values != null && values.remove(id) != null;
    }

    void forget(String instanceId) {
        byInstance.remove(instanceId);
    }

    List<T> all(String instanceId) {
        ConcurrentHashMap<String, T> values = byInstance.get(instanceId);
        return values == null ? List.of() : values.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(java.util.Map.Entry::getValue)
                .collect(Collectors.toUnmodifiableList());
    }
}
