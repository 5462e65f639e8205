package dev.connecttasks.adapter.memory;

/** An in-memory store's part of an instance, dropped when the instance is deleted. */
public interface InMemoryInstanceContents {

    /** Drops everything stored under the instance. */
    void forget(String instanceId);
}
