package dev.connecttasks.junit;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Instant;
import java.util.Objects;

/** What both extensions make a service from: where its clock starts, its ids' prefix, its limits and its store. */
record ServiceSettings(Instant start, String idPrefix, TaskPolicy policy, ConnectTasksExtension.ServiceFactory factory) {

    ServiceSettings {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(factory, "factory");
    }

    /** In memory, throttling off, the clock at {@link ConnectTasksExtension#DEFAULT_START}, ids {@code id-1}, ... */
    static ServiceSettings defaults() {
        return new ServiceSettings(Instant.parse(ConnectTasksExtension.DEFAULT_START), ConnectTasksExtension.DEFAULT_ID_PREFIX,
                TaskPolicy.defaults().withThrottling(false),
                (clock, ids, policy) -> dev.connecttasks.ConnectTasks.inMemory(o -> o.clock(clock).ids(ids).policy(policy)));
    }

    ServiceSettings startingAt(Instant value) {
        return new ServiceSettings(value, idPrefix, policy, factory);
    }

    ServiceSettings idPrefix(String value) {
        return new ServiceSettings(start, value, policy, factory);
    }

    ServiceSettings policy(TaskPolicy value) {
        return new ServiceSettings(start, idPrefix, value, factory);
    }

    ServiceSettings factory(ConnectTasksExtension.ServiceFactory value) {
        return new ServiceSettings(start, idPrefix, policy, value);
    }

    /** A fresh service with its own clock and ids. */
    Opened open() {
        MutableClock clock = new MutableClock(start);
        SequentialIds ids = new SequentialIds(idPrefix);
        return new Opened(clock, ids, factory.create(clock, ids, policy));
    }

    record Opened(MutableClock clock, SequentialIds ids, ConnectTasksService service) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (service instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
