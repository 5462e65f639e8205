package dev.connecttasks;

import dev.connecttasks.adapter.memory.InMemoryContactStore;
import dev.connecttasks.adapter.memory.InMemoryFlowDirectory;
import dev.connecttasks.adapter.memory.InMemoryInstanceDirectory;
import dev.connecttasks.adapter.memory.InMemoryQuickConnectDirectory;
import dev.connecttasks.adapter.memory.InMemoryRateLimiter;
import dev.connecttasks.adapter.memory.InMemoryResourceTags;
import dev.connecttasks.adapter.memory.InMemoryTaskTemplateDirectory;
import dev.connecttasks.adapter.memory.RandomUuidIds;
import dev.connecttasks.application.ServiceBuilder;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.StorePorts;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The one-line way to a ready service: {@code ConnectTasks.inMemory()}, or
 * {@code ConnectTasks.inMemory(options -> options.clock(clock).ids(ids).policy(policy))}.
 */
public final class ConnectTasks {

    private ConnectTasks() {
    }

    /** A new, empty service with the production defaults (throttling on: 2 starts per second, burst 5). */
    public static ConnectTasksService inMemory() {
        return inMemory(options -> { });
    }

    /** A new, empty service with the options set by {@code configure}. */
    public static ConnectTasksService inMemory(Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        return options.build();
    }

    /** The in-memory stores, every one empty. */
    public static StorePorts stores() {
        InMemoryFlowDirectory flows = new InMemoryFlowDirectory();
        InMemoryQuickConnectDirectory quickConnects = new InMemoryQuickConnectDirectory();
        InMemoryTaskTemplateDirectory templates = new InMemoryTaskTemplateDirectory();
        InMemoryContactStore contacts = new InMemoryContactStore(flows, quickConnects, templates);
        InMemoryResourceTags tags = new InMemoryResourceTags();
        return new StorePorts(new InMemoryInstanceDirectory(flows, quickConnects, templates, contacts, tags), flows, quickConnects,
                templates, contacts, new InMemoryRateLimiter(), tags);
    }

    /** What an in-memory service can be given (clock, ids, policy); every option has the production default. */
    public static final class Options extends ServiceBuilder<Options> {

        private Options() {
            super(Clock.systemUTC(), new RandomUuidIds());
        }

        private ConnectTasksService build() {
            return buildOver(stores());
        }
    }
}
