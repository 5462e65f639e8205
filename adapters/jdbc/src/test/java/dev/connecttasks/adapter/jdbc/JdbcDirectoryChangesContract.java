package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.contract.DirectoryChangesContract;
import java.time.Clock;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Changes and deletions of flows, quick connects and templates on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcDirectoryChangesContract extends DirectoryChangesContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected ConnectTasksService service(TaskPolicy policy, Clock clock) {
        return JdbcConnectTasks.create(TestDatabase.shared(database).emptied(), o -> o.policy(policy).clock(clock).migrate(false));
    }
}
