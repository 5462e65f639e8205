package dev.connecttasks.conformance;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.contract.ContactLifeContract;
import java.time.Clock;

/** UpdateContact and ListContactReferences in memory; here, so that the domain's mutation run sees their rules. */
class InMemoryContactLifeContract extends ContactLifeContract {

    @Override
    protected ConnectTasksService service(TaskPolicy policy, Clock clock) {
        return ConnectTasks.inMemory(o -> o.policy(policy).clock(clock));
    }
}
