package dev.connecttasks.application.port.in;

import dev.connecttasks.domain.policy.TaskPolicy;

/**
 * The one in-port adapters take: every operation of {@link TaskContacts} and {@link InstanceSetup}
 * on one set of stores, under one policy. Built by {@code ServiceBuilder}, or by an adapter's
 * factory ({@code ConnectTasks.inMemory()}, {@code JdbcConnectTasks.create(dataSource)}).
 * Implementations are thread-safe.
 */
public interface ConnectTasksService extends TaskContacts, InstanceSetup, Tagging {

    /** The limits this service enforces. */
    TaskPolicy policy();

    @Override
    default java.util.concurrent.Executor asyncExecutor() {
        return Async.SHARED;
    }
}
