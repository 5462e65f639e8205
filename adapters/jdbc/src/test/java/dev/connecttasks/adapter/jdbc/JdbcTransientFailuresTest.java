package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the store does when the database fails a call. A failure it reports as worth another attempt
 * (a serialization failure, a deadlock, a lost connection before the commit) is run again, up to
 * {@value JdbcTransactions#MAX_ATTEMPTS} attempts, and the caller sees one answer and one stored
 * contact; any other failure is answered at once, with nothing stored; a commit whose answer was lost
 * is never run again.
 */
class JdbcTransientFailuresTest {

    private static final Predicate<String> CONTACT_INSERT = sql -> sql.contains("INSERT INTO ct_contact (");
    private static final Predicate<String> ANY = sql -> true;
    private static final int MARIADB_DEADLOCK = 1213;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStartAbortedForASerializationFailureIsRunAgainAndStoredOnce(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        fixture.pool.failStatements(CONTACT_INSERT, 3, () -> new SQLException("could not serialize access", "40001"));

        String contact = fixture.service.startTaskContact(fixture.task("token-1")).contactId();

        assertThat(fixture.pool.matchingExecutions()).as("three aborted attempts, then the one that stored it").isEqualTo(4);
        assertThat(fixture.rows.contacts()).isEqualTo(1);
        assertThat(fixture.rows.clientTokens()).isEqualTo(1);
        assertThat(fixture.service.startTaskContact(fixture.task("token-1")).contactId()).as("the ClientToken names the stored contact")
                .isEqualTo(contact);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDeadlockAndALockTimeoutAreRunAgainToo(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        fixture.pool.failStatements(CONTACT_INSERT, 1, () -> new SQLTransactionRollbackException("deadlock detected", deadlockState(kind)));
        fixture.service.startTaskContact(fixture.task(null));
        assertThat(fixture.pool.matchingExecutions()).isEqualTo(2);

        fixture.pool.failStatements(CONTACT_INSERT, 1, () -> lockTimeout(kind));
        fixture.service.startTaskContact(fixture.task(null));
        assertThat(fixture.pool.matchingExecutions()).isEqualTo(2);
        assertThat(fixture.rows.contacts()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailureThatKeepsComingBackIsGivenUpAfterSixteenAttemptsAndLeavesNothing(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        fixture.pool.failStatements(CONTACT_INSERT, Integer.MAX_VALUE, () -> new SQLException("could not serialize access", "40001"));

        assertThatThrownBy(() -> fixture.service.startTaskContact(fixture.task("token-1"))).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("gave up after 16 attempts");
        assertThat(fixture.pool.matchingExecutions()).isEqualTo(JdbcTransactions.MAX_ATTEMPTS);
        assertThat(fixture.rows.contacts()).isZero();
        assertThat(fixture.rows.clientTokens()).as("the refused call left its ClientToken unused").isZero();

        fixture.pool.heal();
        fixture.service.startTaskContact(fixture.task("token-1"));
        assertThat(fixture.rows.contacts()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailureTheDatabaseReportsForTheStatementIsAnsweredAtOnce(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        fixture.pool.failStatements(CONTACT_INSERT, 1, () -> new SQLException("value too long for type character varying", "22001"));

        fixture.pool.failRollbacks(1);
        assertThatThrownBy(() -> fixture.service.startTaskContact(fixture.task("token-1"))).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("value too long").hasMessageNotContaining("attempts")
                .satisfies(refused -> assertThat(refused.getCause().getSuppressed()).as("the failed rollback, kept with the failure")
                        .singleElement().satisfies(rollback -> assertThat(rollback).hasMessageContaining("has been closed")));
        assertThat(fixture.pool.matchingExecutions()).as("not run again").isEqualTo(1);
        assertThat(fixture.rows.contacts()).isZero();

        fixture.pool.failStatements(CONTACT_INSERT, 1, () -> new SQLException("duplicate key", "23000", MARIADB_DEADLOCK));
        assertThatThrownBy(() -> fixture.service.startTaskContact(fixture.task("token-1"))).isInstanceOf(InternalServiceException.class);
        assertThat(fixture.pool.matchingExecutions()).as("an integrity violation is never transient, whatever its vendor code").isEqualTo(1);
        assertThat(fixture.rows.contacts()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aConnectionRefusedForAWhileIsAskedForAgain(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        fixture.pool.failConnections(2, () -> new SQLException("Connection refused", "08001"));
        fixture.service.startTaskContact(fixture.task(null));
        assertThat(fixture.pool.connectionsAsked()).as("two refused, then the one that served the start").isGreaterThanOrEqualTo(3);
        assertThat(fixture.rows.contacts()).isEqualTo(1);

        fixture.pool.failConnections(1, () -> new SQLException("password authentication failed", "28P01"));
        assertThatThrownBy(() -> fixture.service.startTaskContact(fixture.task(null))).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("password authentication failed");
        assertThat(fixture.pool.connectionsAsked()).as("a refusal for a reason that will not pass is not asked again").isEqualTo(1);
        assertThat(fixture.rows.contacts()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReadOnALostConnectionIsReadAgainAndAReadThatKeepsFailingGivesUp(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        String contact = fixture.service.startTaskContact(fixture.task(null)).contactId();
        DescribeContactRequest describe = DescribeContactRequest.builder().instanceId(fixture.instance).contactId(contact).build();

        fixture.pool.failStatements(ANY, 2, () -> new java.sql.SQLRecoverableException("Connection reset"));
        assertThat(fixture.service.describeContact(describe).contact().contactId()).isEqualTo(contact);
        assertThat(fixture.pool.matchingExecutions()).as("the read's statements, two of them lost").isGreaterThanOrEqualTo(3);

        fixture.pool.failStatements(ANY, Integer.MAX_VALUE, () -> new SQLException("terminating connection due to administrator command", "57P01"));
        assertThatThrownBy(() -> fixture.service.describeContact(describe)).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("administrator command").as("names the statement that failed").hasMessageContaining("SELECT ")
                .hasMessageNotContaining("connecting");
        assertThat(fixture.pool.matchingExecutions()).isEqualTo(JdbcTransactions.MAX_ATTEMPTS);

        fixture.pool.failStatements(ANY, 1, () -> new SQLException("syntax error", "42601"));
        assertThatThrownBy(() -> fixture.service.describeContact(describe)).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("syntax error");
        assertThat(fixture.pool.matchingExecutions()).isEqualTo(1);
        fixture.pool.heal();
        assertThat(fixture.service.describeContact(describe).contact().contactId()).isEqualTo(contact);
    }

    /**
     * The commit went through and its answer was lost (on PostgreSQL, the answer to the statement that
     * carries the commit with the last writes): the transaction may have committed, so the store
     * answers InternalServiceException and never runs it again; the caller's retry with its
     * ClientToken finds the contact.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCommitWhoseAnswerWasLostIsNeverRunAgain(TestDatabase.Kind kind) {
        Fixture fixture = new Fixture(kind);
        fixture.pool.loseCommitAnswers(1);

        assertThatThrownBy(() -> fixture.service.startTaskContact(fixture.task("token-1"))).isInstanceOf(InternalServiceException.class)
                .hasMessageContaining("commit outcome unknown");
        assertThat(fixture.pool.commitAnswersLeftToLose()).isZero();
        assertThat(fixture.rows.contacts()).as("committed once, and only once").isEqualTo(1);
        String retried = fixture.service.startTaskContact(fixture.task("token-1")).contactId();
        assertThat(fixture.service.startTaskContact(fixture.task("token-1")).contactId()).isEqualTo(retried);
        assertThat(fixture.rows.contacts()).as("the caller's retry found its ClientToken").isEqualTo(1);
    }

    private static String deadlockState(TestDatabase.Kind kind) {
        return kind == TestDatabase.Kind.POSTGRESQL ? "40P01" : "40001";
    }

    /** Each database's own way of saying a lock was not had in time. */
    private static SQLException lockTimeout(TestDatabase.Kind kind) {
        return switch (kind) {
            case H2 -> new SQLException("Timeout trying to lock table", "HYT00", 50200);
            case POSTGRESQL -> new SQLException("could not obtain lock on row", "55P03");
            case MARIADB -> new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        };
    }

    private static final class Fixture {
        final FailingPool pool;
        final ConnectTasksService service;
        final String instance;
        final String flow;
        final DatabaseRows rows;

        Fixture(TestDatabase.Kind kind) {
            TestDatabase database = TestDatabase.shared(kind);
            pool = new FailingPool(database.pool());
            service = JdbcConnectTasks.create(pool.dataSource(), o -> o.policy(TaskPolicy.defaults().withThrottling(false)).migrate(false));
            instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("failing").build()).instanceId();
            flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build())
                    .contactFlowId();
            rows = new DatabaseRows(database, instance);
        }

        StartTaskContactRequest task(String clientToken) {
            return StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow).clientToken(clientToken).build();
        }
    }
}
