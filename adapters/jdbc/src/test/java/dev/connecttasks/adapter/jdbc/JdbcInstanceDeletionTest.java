package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * DeleteInstance as the database sees it: no row of the instance is left but its tombstone, and a
 * second service on the same database (as another process would be) refuses the instance at once,
 * although it had started a task in it just before (and so knows it), without creating its rows anew.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcInstanceDeletionTest {

    private static final List<String> TABLES = List.of("ct_instance_guard", "ct_contact_flow", "ct_quick_connect", "ct_task_template",
            "ct_contact", "ct_client_token", "ct_open_shard", "ct_tag");

    @Parameter
    TestDatabase.Kind database;

    @Test
    void noRowOfTheInstanceIsLeftAndAnotherProcessRefusesItAtOnce() throws SQLException {
        DataSource pool = TestDatabase.shared(database).emptied();
        TaskPolicy policy = TaskPolicy.defaults().withThrottling(false);
        ConnectTasksService one = JdbcConnectTasks.create(pool, o -> o.policy(policy).migrate(false));
        ConnectTasksService other = JdbcConnectTasks.create(pool, o -> o.policy(policy).migrate(false));
        String instance = one.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = one.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .content("{}").build()).contactFlowId();
        String task = other.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                .attributes(Map.of("k", "v")).clientToken("token-1").build()).contactId();
        other.tagContact(instance, task, Map.of("team", "a"));
        other.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("linked")
                .previousContactId(task).build());
        assertThat(rows(pool, instance)).as("rows before").containsEntry("ct_contact", 2).containsEntry("ct_tag", 1)
                .containsEntry("ct_client_token", 1);

        one.deleteInstance(instance, "delete-1");

        assertThat(rows(pool, instance)).as("rows after").allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(count(pool, "SELECT COUNT(*) FROM ct_instance WHERE instance_id = ? AND deleted_ns IS NOT NULL", instance))
                .as("the tombstone").isEqualTo(1);
        ResourceNotFoundException refused = catchThrowableOfType(ResourceNotFoundException.class, () -> other.startTaskContact(
                StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t").build()));
        assertThat(refused).as("a start in the other process").isNotNull();
        assertThat(refused.reason()).isEqualTo(Reason.INSTANCE);
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> other.describeInstance(instance))).isNotNull();
        assertThat(rows(pool, instance)).as("rows after the other process's start, refused")
                .allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        other.deleteInstance(instance, "delete-1");
    }

    private static Map<String, Integer> rows(DataSource pool, String instance) throws SQLException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count(pool, "SELECT COUNT(*) FROM " + table + " WHERE instance_id = ?", instance));
        }
        return rows;
    }

    private static int count(DataSource pool, String sql, String instance) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, instance);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
