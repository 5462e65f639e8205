package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The open-task counter is derived from the rows, and a service that opens the database checks it
 * against them: a counter that fell behind (as a crashed store once left it) is repaired before any
 * call, so the quota is never overrun because of it.
 */
class JdbcCounterRepairTest {

    private static final int QUOTA = 5;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCounterBehindItsRowsIsRepairedWhenTheDatabaseIsOpened(TestDatabase.Kind kind) throws SQLException {
        DataSource database = TestDatabase.shared(kind).emptied();
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        TaskPolicy policy = TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(QUOTA);
        ConnectTasksService before = JdbcConnectTasks.create(database, o -> o.clock(clock).policy(policy).migrate(false));
        String instance = before.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = before.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        StartTaskContactRequest task = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow).build();
        String stopped = before.startTaskContact(task).contactId();
        for (int i = 1; i < QUOTA; i++) {
            before.startTaskContact(task);
        }
        before.stopContact(StopContactRequest.builder().instanceId(instance).contactId(stopped).build());
        clock.advance(Duration.ofMinutes(1));
        execute(database, "UPDATE ct_open_shard SET open_count = open_count - 1, next_expiry_ns = " + Long.MAX_VALUE + " WHERE open_count >= 1");

        java.util.List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.connecttasks.jdbc");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            assertThat(JdbcSchema.open(database)).as("the instances repaired").containsExactly(instance);
            assertThat(warnings).as("the repair is logged, naming the instance").singleElement()
                    .satisfies(r -> assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING))
                    .satisfies(r -> assertThat(r.getMessage()).contains("1 instance(s)", instance));
            warnings.clear();
            assertThat(JdbcSchema.open(database)).as("a second open finds nothing to repair").isEmpty();
            assertThat(warnings).as("and logs nothing").isEmpty();
        } finally {
            log.removeHandler(capture);
        }

        ConnectTasksService after = JdbcConnectTasks.create(database, o -> o.clock(clock).policy(policy).migrate(false));
        after.startTaskContact(task);
        ServiceQuotaExceededException refused = catchThrowableOfType(ServiceQuotaExceededException.class, () -> after.startTaskContact(task));
        assertThat(refused.reason()).isEqualTo(Reason.ACTIVE_TASKS);
        clock.advance(policy.taskExpiry());
        after.startTaskContact(task);
        assertThat(JdbcSchema.open(database)).as("the repaired expiry bound lets the expired tasks go").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = "H2")
    void h2ReusesSupersededSpaceAtOnceAndHousekeepsOften(TestDatabase.Kind kind) throws SQLException {
        DataSource database = TestDatabase.shared(kind).emptied();
        execute(database, "SET WRITE_DELAY 500");
        execute(database, "SET RETENTION_TIME 45000");
        JdbcConnectTasks.stores(database);
        assertThat(setting(database, "WRITE_DELAY")).isEqualTo("50");
        assertThat(setting(database, "RETENTION_TIME")).isEqualTo("1000");
    }

    private static String setting(DataSource database, String name) throws SQLException {
        try (Connection connection = database.getConnection();
             var statement = connection.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            statement.setString(1, name);
            try (var row = statement.executeQuery()) {
                assertThat(row.next()).as(name).isTrue();
                return row.getString(1);
            }
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
