package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.domain.instance.Instance;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Instances in memory, listed oldest first; thread-safe. A deletion first takes the instance out of
 * the directory (from then on every call naming it is refused, since each looks its instance up
 * first), then has every other store drop its part. A call that found the instance just before
 * may still write into a store afterwards; what it writes is unreachable, as the instance is never
 * found again and ids are never reused.
 */
public final class InMemoryInstanceDirectory implements InstanceDirectory {

    /** A deleted instance, with the ClientToken of its deletion (empty if the call had none). */
    private record Tombstone(Optional<String> clientToken) {
    }

    private final ConcurrentHashMap<String, Instance> instances = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Tombstone> deleted = new ConcurrentHashMap<>();
    private final List<InMemoryInstanceContents> contents;

    /** A directory whose deletions drop the instance's part of each of {@code contents}. */
    public InMemoryInstanceDirectory(InMemoryInstanceContents... contents) {
        this.contents = List.of(contents);
    }

    @Override
    public void save(Instance instance) {
        if (deleted.containsKey(instance.instanceId())) {
            throw new IllegalStateException("instance " + instance.instanceId() + " was deleted; ids are never reused");
        }
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

    @Override
    public Deletion delete(String instanceId, Optional<String> clientToken, Instant at) {
        // a tombstone is put only for an instance seen present, and only one call puts it: that one deletes
        if (instances.containsKey(instanceId) && deleted.putIfAbsent(instanceId, new Tombstone(clientToken)) == null) {
            instances.remove(instanceId);
            contents.forEach(part -> part.forget(instanceId));
            return Deletion.DELETED;
        }
        Tombstone previous = deleted.get(instanceId);
        return previous != null && clientToken.isPresent() && previous.clientToken().equals(clientToken) ? Deletion.REPLAYED
                : Deletion.NOT_FOUND;
    }
}
