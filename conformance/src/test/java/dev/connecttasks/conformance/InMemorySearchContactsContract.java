package dev.connecttasks.conformance;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.contract.SearchContactsContract;
import java.time.Clock;

/** SearchContacts in memory; here, so that the domain's mutation run sees their rules. */
class InMemorySearchContactsContract extends SearchContactsContract {

    @Override
    protected ConnectTasksService service(TaskPolicy policy, Clock clock) {
        return ConnectTasks.inMemory(o -> o.policy(policy).clock(clock));
    }
}
