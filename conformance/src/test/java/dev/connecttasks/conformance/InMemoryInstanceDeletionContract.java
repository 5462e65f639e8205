package dev.connecttasks.conformance;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.contract.InstanceDeletionContract;
import java.time.Clock;

/** DeleteInstance in memory; here, so that the domain's mutation run sees its rules. */
class InMemoryInstanceDeletionContract extends InstanceDeletionContract {

    @Override
    protected ConnectTasksService service(TaskPolicy policy, Clock clock) {
        return ConnectTasks.inMemory(o -> o.policy(policy).clock(clock));
    }
}
