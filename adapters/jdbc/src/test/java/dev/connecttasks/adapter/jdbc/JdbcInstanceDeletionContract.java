package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.contract.InstanceDeletionContract;
import java.time.Clock;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** DeleteInstance on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcInstanceDeletionContract extends InstanceDeletionContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected ConnectTasksService service(TaskPolicy policy, Clock clock) {
        return JdbcConnectTasks.create(TestDatabase.shared(database).emptied(), o -> o.policy(policy).clock(clock).migrate(false));
    }
}
