package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What one process changes, another sees at its next call: nothing it remembers outlives a change. */
class JdbcCrossProcessTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFlowArchivedByOneProcessRefusesTasksInAnother(TestDatabase.Kind kind) {
        SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults());
        assertThat(s.start(0, s.task())).isNotNull();
        assertThat(s.start(0, s.task())).as("the flow read again, now from what process 0 remembers").isNotNull();
        s.service(1).updateContactFlow(UpdateContactFlowRequest.builder().instanceId(s.instance()).contactFlowId(s.flow())
                .contactFlowState("ARCHIVED").build());
        assertThatThrownBy(() -> s.start(0, s.task()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FLOW_NOT_USABLE));
        s.service(2).updateContactFlow(UpdateContactFlowRequest.builder().instanceId(s.instance()).contactFlowId(s.flow())
                .contactFlowState("ACTIVE").build());
        assertThat(s.start(0, s.task())).as("active again").isNotNull();
    }
}
