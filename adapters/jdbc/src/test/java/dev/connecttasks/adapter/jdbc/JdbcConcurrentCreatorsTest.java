package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.QuickConnectType;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two processes creating the same row at once, made to happen at a chosen moment: the other
 * process's work is let in just before this one's INSERT, which then fails on the key as it would
 * in the race. The store takes the other's row and goes on (or runs its work again), and the caller
 * sees one answer; the races themselves run in {@code JdbcConcurrencyProperties}.
 */
class JdbcConcurrentCreatorsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFlowSavedWhileAnotherProcessCreatedTheInstancesGuardRowsUsesTheirs(TestDatabase.Kind kind) {
        Processes processes = new Processes(kind);
        String instance = processes.ours.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        processes.pool.interject(sql -> sql.startsWith("INSERT INTO ct_instance_guard"),
                () -> processes.theirs.createContactFlow(flow(instance, "theirs")));

        String ours = processes.ours.createContactFlow(flow(instance, "ours")).contactFlowId();

        assertThat(processes.pool.interjected()).isTrue();
        DatabaseRows rows = processes.rows(instance);
        assertThat(rows.guardRows()).isEqualTo(1);
        assertThat(rows.openTaskShards()).isEqualTo(OpenTaskShards.COUNT);
        assertThat(rows.flowIds()).as("both flows stored").hasSize(2).contains(ours);
        String theirs = rows.flowIds().stream().filter(id -> !id.equals(ours)).findFirst().orElseThrow();
        assertThat(processes.theirs.describeContactFlow(instance, ours).name()).isEqualTo("ours");
        assertThat(processes.ours.describeContactFlow(instance, theirs).name()).isEqualTo("theirs");
        processes.theirs.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(ours).build());
        processes.ours.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(ours).build());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInstanceDeletedWhileItsGuardRowsWereCreatedKeepsNoneOfThem(TestDatabase.Kind kind) {
        Processes processes = new Processes(kind);
        String instance = processes.ours.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        processes.pool.interject(sql -> sql.startsWith("INSERT INTO ct_instance_guard"), () -> processes.theirs.deleteInstance(instance, null));

        assertThatThrownBy(() -> processes.ours.createContactFlow(flow(instance, "late"))).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(instance);

        assertThat(processes.pool.interjected()).isTrue();
        DatabaseRows rows = processes.rows(instance);
        assertThat(rows.guardRows()).isZero();
        assertThat(rows.openTaskShards()).isZero();
        assertThat(rows.flowIds()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aQuickConnectSavedWhileAnotherProcessInsertedItHoldsTheLaterSave(TestDatabase.Kind kind) {
        Processes processes = new Processes(kind);
        String instance = processes.ours.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = processes.ours.createContactFlow(flow(instance, "f")).contactFlowId();
        JdbcQuickConnectDirectory ours = new JdbcQuickConnectDirectory(processes.pool.dataSource());
        JdbcQuickConnectDirectory theirs = new JdbcQuickConnectDirectory(processes.database);
        processes.pool.interject(sql -> sql.startsWith("INSERT INTO ct_quick_connect"),
                () -> theirs.save(quickConnect(instance, flow, "theirs")));

        ours.save(quickConnect(instance, flow, "ours"));

        assertThat(processes.pool.interjected()).isTrue();
        assertThat(theirs.find(instance, "qc-1")).map(QuickConnect::name).as("their insert, then our save over it").contains("ours");
        assertThat(theirs.list(instance)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRateBucketAnotherProcessCreatedFirstIsSharedWithIt(TestDatabase.Kind kind) {
        Processes processes = new Processes(kind);
        JdbcRateLimiter ours = new JdbcRateLimiter(processes.pool.dataSource());
        JdbcRateLimiter theirs = new JdbcRateLimiter(processes.database);
        RatePolicy rate = new RatePolicy(1, 2);
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        String key = "bucket-" + System.nanoTime();
        processes.pool.interject(sql -> sql.startsWith("INSERT INTO ct_rate_bucket"),
                () -> assertThat(theirs.tryAcquire(key, rate, now)).as("their first token").isTrue());

        assertThat(ours.tryAcquire(key, rate, now)).as("our token: the second of the burst").isTrue();

        assertThat(processes.pool.interjected()).isTrue();
        assertThat(theirs.tryAcquire(key, rate, now)).as("the burst of two is spent, across both processes").isFalse();
        assertThat(processes.count("SELECT COUNT(*) FROM ct_rate_bucket WHERE bucket_key = ?", key)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClientTokenInsertThatFailsOnItsKeyRunsTheStartAgain(TestDatabase.Kind kind) {
        Processes processes = new Processes(kind);
        String instance = processes.ours.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = processes.ours.createContactFlow(flow(instance, "f")).contactFlowId();
        // the start holds the instance's guard row here, so another process's start would wait for it: the key's failure is injected
        processes.pool.failStatements(sql -> sql.startsWith("INSERT INTO ct_client_token"), 1,
                () -> new SQLException("duplicate key value violates unique constraint", "23505"));
        StartTaskContactRequest request = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow)
                .clientToken("token-1").build();

        String contact = processes.ours.startTaskContact(request).contactId();

        assertThat(processes.pool.matchingExecutions()).as("the conflict, then the attempt that stored it").isEqualTo(2);
        DatabaseRows rows = processes.rows(instance);
        assertThat(rows.contacts()).isEqualTo(1);
        assertThat(rows.clientTokens()).isEqualTo(1);
        assertThat(processes.theirs.startTaskContact(request).contactId()).isEqualTo(contact);
    }

    private static CreateContactFlowRequest flow(String instance, String name) {
        return CreateContactFlowRequest.builder().instanceId(instance).name(name).type("CONTACT_FLOW").build();
    }

    private static QuickConnect quickConnect(String instance, String flow, String name) {
        return new QuickConnect(instance, "qc-1", name, QuickConnectType.FLOW, Optional.empty(), Optional.of(flow));
    }

    /** This process on a pool that lets the other in; the other on the database's own pool. */
    private static final class Processes {
        final TestDatabase testDatabase;
        final DataSource database;
        final FailingPool pool;
        final ConnectTasksService ours;
        final ConnectTasksService theirs;

        Processes(TestDatabase.Kind kind) {
            testDatabase = TestDatabase.shared(kind);
            database = testDatabase.pool();
            pool = new FailingPool(database);
            TaskPolicy policy = TaskPolicy.defaults().withThrottling(false);
            ours = JdbcConnectTasks.create(pool.dataSource(), o -> o.policy(policy).migrate(false));
            theirs = JdbcConnectTasks.create(database, o -> o.policy(policy).migrate(false));
        }

        DatabaseRows rows(String instance) {
            return new DatabaseRows(testDatabase, instance);
        }

        /** Rows of no instance's (a rate bucket's), read outside both processes. */
        int count(String sql, Object... parameters) {
            try {
                return testDatabase.withAdminConnection(connection -> Sql.count(connection, sql, parameters));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
