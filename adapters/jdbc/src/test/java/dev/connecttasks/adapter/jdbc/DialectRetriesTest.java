package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which failures each database's dialect runs a transaction again for, and which it answers at once:
 * the policy {@link JdbcTransientFailuresTest} sees through the store, here for every database's own
 * codes, whichever databases this run reaches. Pools and drivers wrap, so the cause chain is read.
 */
class DialectRetriesTest {

    private record Case(String what, SQLException failure) {
    }

    private static final List<Case> RETRIED_EVERYWHERE = List.of(
            new Case("serialization failure", new SQLException("could not serialize access", "40001")),
            new Case("connection exception", new SQLException("connection refused", "08001")),
            new Case("connection failure", new SQLException("I/O error", "08006")),
            new Case("operator intervention", new SQLException("terminating connection due to administrator command", "57P01")),
            new Case("a transient exception without a state", new SQLTimeoutException("timed out")),
            new Case("a recoverable exception without a state", new SQLRecoverableException("connection reset")),
            new Case("a serialization failure wrapped by a pool", new SQLException("pool", "XX000", new SQLException("inner", "40001"))),
            new Case("a transient exception wrapped", new SQLException("pool", null, new SQLTransactionRollbackException("rolled back"))),
            new Case("a recoverable exception wrapped", new SQLException("pool", "HY000", new SQLRecoverableException("reset"))));

    private static final List<Case> ANSWERED_EVERYWHERE = List.of(
            new Case("integrity violation", new SQLException("duplicate key", "23505")),
            new Case("integrity violation with a deadlock's vendor code", new SQLException("duplicate key", "23000", 1213)),
            new Case("data too long", new SQLException("value too long", "22001")),
            new Case("syntax error", new SQLException("syntax error", "42601")),
            new Case("no state at all", new SQLException("something")),
            new Case("a plain failure wrapping a plain failure", new SQLException("outer", "HY000", new SQLException("inner", "42000"))));

    @Test
    void everyDatabaseRetriesTheFailuresTheyShare() {
        for (Dialect dialect : dialects()) {
            for (Case retried : RETRIED_EVERYWHERE) {
                assertThat(dialect.isTransient(retried.failure())).as(dialect + ": " + retried.what()).isTrue();
            }
            for (Case answered : ANSWERED_EVERYWHERE) {
                assertThat(dialect.isTransient(answered.failure())).as(dialect + ": " + answered.what()).isFalse();
            }
        }
    }

    @Test
    void h2RetriesItsLockTimeout() {
        assertThat(H2Dialect.INSTANCE.isTransient(new SQLException("Timeout trying to lock table", "HYT00", 50200))).isTrue();
        assertThat(H2Dialect.INSTANCE.isTransient(new SQLException("lock wait timeout", "HY000", 1205))).as("MariaDB's code is not H2's")
                .isFalse();
        assertThat(H2Dialect.INSTANCE.isTransient(new SQLException("deadlock detected", "40P01"))).as("PostgreSQL's state is not H2's")
                .isFalse();
    }

    @Test
    void postgresqlRetriesItsDeadlockAndLockNotAvailable() {
        assertThat(PostgresDialect.INSTANCE.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(PostgresDialect.INSTANCE.isTransient(new SQLException("could not obtain lock", "55P03"))).isTrue();
        assertThat(PostgresDialect.INSTANCE.isTransient(new SQLException("Timeout trying to lock table", "HYT00"))).isFalse();
        assertThat(PostgresDialect.INSTANCE.isTransient(new SQLException("lock wait timeout", "HY000", 1205))).isFalse();
    }

    @Test
    void mariadbRetriesItsVendorCodesUnlessTheStateIsAnIntegrityViolation() {
        for (int code : new int[] {1205, 1213, 1927}) {
            assertThat(MariaDbDialect.INSTANCE.isTransient(new SQLException("vendor " + code, "HY000", code))).as("code " + code).isTrue();
            assertThat(MariaDbDialect.INSTANCE.isTransient(new SQLException("vendor " + code, "23000", code))).as("code " + code + " on 23000")
                    .isFalse();
            assertThat(MariaDbDialect.INSTANCE.isTransient(new SQLException("vendor " + code, null, code))).as("code " + code + " without a state")
                    .isFalse();
        }
        assertThat(MariaDbDialect.INSTANCE.isTransient(new SQLException("query interrupted", "70100"))).isTrue();
        assertThat(MariaDbDialect.INSTANCE.isTransient(new SQLException("other", "HY000", 1062))).isFalse();
        assertThat(MariaDbDialect.INSTANCE.isTransient(new SQLException("deadlock detected", "40P01"))).isFalse();
    }

    @Test
    void aLostConnectionIsOneWhoseAnswerMayHaveBeenLost() {
        assertThat(TransientFailures.isConnectionLost(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(TransientFailures.isConnectionLost(new SQLException("terminated", "57P01"))).isTrue();
        assertThat(TransientFailures.isConnectionLost(new SQLException("no state"))).as("no SQLSTATE: the server did not report it").isTrue();
        assertThat(TransientFailures.isConnectionLost(new SQLRecoverableException("reset", "HY000"))).isTrue();
        assertThat(TransientFailures.isConnectionLost(new SQLException("pool", "HY000", new SQLRecoverableException("reset", "HY000"))))
                .as("wrapped").isTrue();
        assertThat(TransientFailures.isConnectionLost(new SQLException("could not serialize", "40001"))).as("the server reported it")
                .isFalse();
        assertThat(TransientFailures.isConnectionLost(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isConnectionLost(new SQLException("pool", "HY000", new SQLException("inner", "22001")))).isFalse();
    }

    private static List<Dialect> dialects() {
        return List.of(H2Dialect.INSTANCE, PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE);
    }
}
