package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store hands every connection back in the auto-commit mode it was lent in, with its work
 * committed: an application's own pool that does not reset its connections (as HikariCP does) lends
 * the same connection to its next user, who must not find a transaction left open.
 */
class LentConnectionsTest {

    @ParameterizedTest(name = "lent with auto-commit {0}")
    @ValueSource(booleans = {true, false})
    void everyConnectionGoesBackInTheModeItWasLentInWithItsWorkCommitted(boolean autoCommit) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lent-" + autoCommit + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcSchema.migrate(h2);
        try (Connection lent = h2.getConnection(); Connection other = h2.getConnection()) {
            lent.setAutoCommit(autoCommit);
            ConnectTasksService service = JdbcConnectTasks.create(alwaysLending(lent),
                    o -> o.migrate(false).policy(TaskPolicy.defaults().withThrottling(false)));
            String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f")
                    .type("CONTACT_FLOW").build()).contactFlowId();
            String contact = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t")
                    .contactFlowId(flow).build()).contactId();
            assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(contact).build())
                    .contact().contactId()).isEqualTo(contact);

            assertThat(lent.getAutoCommit()).as("the mode it was lent in").isEqualTo(autoCommit);
            try (var rows = other.createStatement().executeQuery("SELECT COUNT(*) FROM ct_contact WHERE contact_id = '" + contact + "'")) {
                rows.next();
                assertThat(rows.getLong(1)).as("another connection sees the answered start: nothing left uncommitted").isEqualTo(1);
            }
        }
    }

    /** A pool of one connection that hands it out again and again and ignores its users' close. */
    private static DataSource alwaysLending(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(LentConnectionsTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "isClosed" -> false;
                    default -> Delegation.invoke(connection, method, args);
                });
        return (DataSource) Proxy.newProxyInstance(LentConnectionsTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
