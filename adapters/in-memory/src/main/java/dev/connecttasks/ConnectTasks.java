package dev.connecttasks;

import dev.connecttasks.adapter.memory.InMemoryContactStore;
import dev.connecttasks.adapter.memory.InMemoryFlowDirectory;
import dev.connecttasks.adapter.memory.InMemoryInstanceDirectory;
import dev.connecttasks.adapter.memory.InMemoryQuickConnectDirectory;
import dev.connecttasks.adapter.memory.InMemoryRateLimiter;
import dev.connecttasks.adapter.memory.InMemoryTaskTemplateDirectory;
import dev.connecttasks.adapter.memory.RandomUuidIds;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.service.ConnectTasksService;
import dev.connecttasks.application.service.ServicePorts;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.time.Clock;

/**
 * The one-line way to a ready service: {@code ConnectTasks.inMemory()}, or
 * {@code ConnectTasks.inMemory(options -> options.clock(clock).ids(ids).policy(policy))}.
 */
public final class ConnectTasks {

    private ConnectTasks() {
    }

    public static ConnectTasksService inMemory() {
        return inMemory(options -> { });
    }

    public static ConnectTasksService inMemory(java.util.function.Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        ServicePorts ports = new ServicePorts(new InMemoryInstanceDirectory(), new InMemoryFlowDirectory(),
                new InMemoryQuickConnectDirectory(), new InMemoryTaskTemplateDirectory(), new InMemoryContactStore(),
                new InMemoryRateLimiter(), options.ids, options.clock);
        return new ConnectTasksService(ports, options.policy);
    }

    /** What an in-memory service can be given; every option has the production default. */
    public static final class Options {
        private Clock clock = Clock.systemUTC();
        private IdSource ids = new RandomUuidIds();
        private TaskPolicy policy = TaskPolicy.defaults();

        private Options() {
        }

        public Options clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Options ids(IdSource value) {
            this.ids = value;
            return this;
        }

        public Options policy(TaskPolicy value) {
            this.policy = value;
            return this;
        }
    }
}
