package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With throttling on, the throttle comes before the InstanceId is judged; the state a client can
 * create without an instance stays bounded (one bucket per operation for every call that names no
 * instance), and no InstanceId, however long, becomes a store failure.
 */
class JdbcThrottleStateTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void callsThatNameNoInstanceShareOneBucketAndNeverFailInTheStore(TestDatabase.Kind kind) throws SQLException {
        DataSource database = TestDatabase.shared(kind).emptied();
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        ConnectTasksService service = JdbcConnectTasks.create(database, o -> o.clock(clock).policy(TaskPolicy.defaults()).migrate(false));
        for (int i = 0; i < 300; i++) {
            clock.advance(Duration.ofSeconds(1));   // a token for every call: what is left to answer is the InstanceId
            String unknown = UUID.randomUUID().toString();
            assertThat(Outcome.of(() -> service.startTaskContact(StartTaskContactRequest.builder().instanceId(unknown).name("t")
                    .contactFlowId("f").build()))).isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.INSTANCE));
            assertThat(Outcome.of(() -> service.describeContact(DescribeContactRequest.builder().instanceId(unknown).contactId("c").build())))
                    .isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.INSTANCE));
        }
        String tooLong = "i".repeat(800);
        assertThat(Outcome.of(() -> service.startTaskContact(StartTaskContactRequest.builder().instanceId(tooLong).name("t")
                .contactFlowId("f").build()))).isEqualTo(Outcome.error(InvalidParameterException.class, Reason.INVALID_LENGTH));
        assertThat(Outcome.of(() -> service.describeContact(DescribeContactRequest.builder().instanceId(tooLong).contactId("c").build())))
                .isEqualTo(Outcome.error(InvalidParameterException.class, Reason.INVALID_LENGTH));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ct_rate_bucket")) {
            rows.next();
            assertThat(rows.getInt(1)).as("rate buckets after 602 calls naming no instance").isEqualTo(2);
        }
    }
}
