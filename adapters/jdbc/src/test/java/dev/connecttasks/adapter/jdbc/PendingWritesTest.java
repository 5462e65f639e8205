package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Held-back writes, sent the two ways a dialect can choose (here on H2, which takes several
 * statements in one prepared statement as PostgreSQL does): each write reaches the table in the
 * order it was added, with its own parameters, before the next read and at the commit; the commit
 * that travels with the last writes is the transaction's; a statement the database refuses leaves
 * none of them.
 */
class PendingWritesTest {

    private JdbcDataSource database;

    @BeforeEach
    void table() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:pending-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k INT PRIMARY KEY, v VARCHAR(20))");
        }
    }

    @Test
    void combinedWritesReachTheTableInOrderWithTheirParametersAndTheCommit() throws SQLException {
        try (Connection connection = transaction()) {
            PendingWrites writes = PendingWrites.combinedWithCommit(connection);
            writes.add("INSERT INTO t (k, v) VALUES (?, ?)", 1, "one");
            writes.add("INSERT INTO t (k, v) VALUES (?, ?)", 2, "two");
            writes.add("UPDATE t SET v = ? WHERE k = ?", "first", 1);
            assertThat(rows()).as("held back until flushed").isEmpty();
            writes.flushAndCommit();
            assertThat(rows()).as("committed: another connection sees them").containsExactly("1=first", "2=two");
            writes.flushAndCommit();
            assertThat(rows()).as("nothing left to send").containsExactly("1=first", "2=two");
        }
    }

    @Test
    void aFlushBeforeAReadSendsTheWritesInsideTheTransaction() throws SQLException {
        for (boolean combined : new boolean[] {true, false}) {
            try (Connection connection = transaction()) {
                PendingWrites writes = combined ? PendingWrites.combinedWithCommit(connection) : PendingWrites.oneByOne(connection);
                int k = combined ? 10 : 20;
                writes.add("INSERT INTO t (k, v) VALUES (?, ?)", k, "a");
                writes.flush();
                assertThat(Sql.count(connection, "SELECT COUNT(*) FROM t WHERE k = ?", k)).as("combined " + combined + ": one write").isEqualTo(1);
                writes.add("INSERT INTO t (k, v) VALUES (?, ?)", k + 1, "b");
                writes.add("INSERT INTO t (k, v) VALUES (?, ?)", k + 2, "c");
                writes.flush();
                assertThat(Sql.count(connection, "SELECT COUNT(*) FROM t WHERE k > ?", k)).as("combined " + combined + ": two writes").isEqualTo(2);
                assertThat(rows()).as("not committed yet").doesNotContain(k + "=a");
                writes.flushAndCommit();
                connection.commit();
                assertThat(rows()).contains(k + "=a", (k + 1) + "=b", (k + 2) + "=c");
            }
        }
    }

    @Test
    void aWriteTheDatabaseRefusesLeavesNoneOfThemAndIsNotTakenForALostCommit() throws SQLException {
        try (Connection connection = transaction()) {
            PendingWrites writes = PendingWrites.combinedWithCommit(connection);
            writes.add("INSERT INTO t (k, v) VALUES (?, ?)", 1, "one");
            writes.add("INSERT INTO t (k, v) VALUES (?, ?)", 1, "again");
            assertThatThrownBy(writes::flushAndCommit).isInstanceOfSatisfying(JdbcFailure.class, failure -> {
                assertThat(failure.commitOutcomeUnknown()).as("the database answered: it did not commit").isFalse();
                assertThat(failure.sqlCause().getSQLState()).startsWith("23");
            });
            connection.rollback();
            assertThat(rows()).isEmpty();
            writes.add("INSERT INTO t (k, v) VALUES (?, ?)", 3, "three");
            writes.flushAndCommit();
            assertThat(rows()).as("what failed was cleared, not sent again").containsExactly("3=three");
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private List<String> rows() {
        try (Connection other = database.getConnection()) {
            return Sql.query(other, "SELECT k, v FROM t ORDER BY k", row -> row.getInt(1) + "=" + row.getString(2));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
