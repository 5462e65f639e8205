package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.ResourceTags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Tags in memory by instance and key; a change runs under its key's lock, so concurrent changes of one key never lose one. */
public final class InMemoryResourceTags implements ResourceTags, InMemoryInstanceContents {

    private record Key(String instanceId, String key) {
    }

    private final ConcurrentHashMap<Key, Map<String, String>> tags = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> tags(String instanceId, String key) {
        return tags.getOrDefault(new Key(instanceId, key), Map.of());
    }

    @Override
    public void change(String instanceId, String key, UnaryOperator<Map<String, String>> change) {
        tags.compute(new Key(instanceId, key), (k, current) -> {
            Map<String, String> next = Map.copyOf(change.apply(current == null ? Map.of() : current));
            return next.isEmpty() ? null : next;
        });
    }

    @Override
    public void forget(String instanceId) {
        tags.keySet().removeIf(key -> key.instanceId().equals(instanceId));
    }

    @Override
    public void removeUnder(String instanceId, String keyPrefix) {
        tags.keySet().removeIf(key -> key.instanceId().equals(instanceId) && key.key().startsWith(keyPrefix));
    }
}
