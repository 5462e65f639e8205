package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.testkit.model.TaskServiceParallelMachine;
import dev.connecttasks.testkit.property.ParallelStatefulProperty;
import dev.connecttasks.testkit.property.Seeds;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent calls on one instance are linearizable on every database, with two services on two
 * pools standing for two processes: branch 1 calls one, branch 2 the other, branch 3 the first.
 * The two share the test's id sequence, so the model can tell fresh ids from replays.
 */
class JdbcLinearizabilityProperties {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentCallsOnOneInstanceAreLinearizableAcrossTwoProcesses(TestDatabase.Kind kind) {
        TestDatabase database = TestDatabase.shared(kind);
        DataSource otherProcess = database.newPool("linearizability", 4);
        TaskServiceParallelMachine machine = new TaskServiceParallelMachine((clock, ids, policy) -> List.of(
                JdbcConnectTasks.create(database.emptied(), o -> o.clock(clock).ids(ids).policy(policy).migrate(false)),
                JdbcConnectTasks.create(otherProcess, o -> o.clock(clock).ids(ids).policy(policy).migrate(false))),
                TaskServiceParallelMachine.raceLimits());
        long calls = ParallelStatefulProperty.of(machine).named("jdbc linearizability " + kind).tries(60).repetitions(3).check();
        assertThat(calls).as("concurrent calls checked: at least two a history").isGreaterThanOrEqualTo(Seeds.tries(60) * 2L);
    }
}
