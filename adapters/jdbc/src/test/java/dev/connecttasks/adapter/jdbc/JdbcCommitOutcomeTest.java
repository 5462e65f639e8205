package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a transaction's last writes carry its commit. When the connection is lost on the
 * way back, the transaction may have committed: the call fails with InternalServiceException and is
 * not run again by the adapter; the caller's retry with the same ClientToken gets the same contact.
 */
class JdbcCommitOutcomeTest {

    @Test
    void aConnectionLostAfterTheCommitWentOutIsNeverRetriedByTheAdapter() {
        TestDatabase database = TestDatabase.shared(TestDatabase.Kind.POSTGRESQL);
        AtomicInteger lost = new AtomicInteger();
        ConnectTasksService service = JdbcConnectTasks.create(losingTheAnswerToCommits(database.pool(), lost),
                o -> o.policy(TaskPolicy.defaults().withThrottling(false)).migrate(false));
        String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("lost").build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        StartTaskContactRequest request = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow)
                .clientToken("token-1").build();
        DatabaseRows rows = new DatabaseRows(database, instance);

        lost.set(1);
        assertThatThrownBy(() -> service.startTaskContact(request)).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("commit outcome unknown");
        assertThat(lost.get()).as("the lost answer was not followed by another attempt").isZero();
        assertThat(rows.contacts()).as("the commit went through once, and only once").isEqualTo(1);

        String retried = service.startTaskContact(request).contactId();
        assertThat(service.startTaskContact(request).contactId()).isEqualTo(retried);
        assertThat(rows.contacts()).as("the caller's retry found its ClientToken").isEqualTo(1);
    }

    /** A pool whose next {@code lost} statements that carry a commit run, and then report a broken connection. */
    private static DataSource losingTheAnswerToCommits(DataSource pool, AtomicInteger lost) {
        return (DataSource) Proxy.newProxyInstance(JdbcCommitOutcomeTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = Delegation.invoke(pool, method, args);
                    return result instanceof Connection connection ? connection(connection, lost) : result;
                });
    }

    private static Connection connection(Connection connection, AtomicInteger lost) {
        return (Connection) Proxy.newProxyInstance(JdbcCommitOutcomeTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = Delegation.invoke(connection, method, args);
                    if (result instanceof PreparedStatement statement && ((String) args[0]).endsWith("COMMIT")) {
                        return Proxy.newProxyInstance(JdbcCommitOutcomeTest.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                                (p, m, a) -> {
                                    Object value = Delegation.invoke(statement, m, a);
                                    if (m.getName().equals("execute") && lost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                                    }
                                    return value;
                                });
                    }
                    return result;
                });
    }
}
