package dev.connecttasks.adapter.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A pool that fails what a test chooses, the way a database or a network does: the next statements
 * whose SQL matches, the next connections asked for, the answers to the next commits (which go
 * through), the next rollbacks. It can also let another process's work in just before a chosen
 * statement. It counts what was tried, so a test can tell how many attempts the store made.
 */
final class FailingPool {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

    private final DataSource pool;
    private volatile Predicate<String> matching = sql -> false;
    private volatile Supplier<SQLException> statementFailure;
    private final AtomicInteger statementFailuresLeft = new AtomicInteger();
    private final AtomicInteger matchingExecutions = new AtomicInteger();
    private volatile Supplier<SQLException> connectionFailure;
    private final AtomicInteger connectionFailuresLeft = new AtomicInteger();
    private final AtomicInteger connectionsAsked = new AtomicInteger();
    private final AtomicInteger commitAnswersToLose = new AtomicInteger();
    private final AtomicInteger rollbacksToFail = new AtomicInteger();
    private final AtomicReference<Interjection> interjection = new AtomicReference<>();

    private record Interjection(Predicate<String> before, Runnable work) {
    }

    FailingPool(DataSource pool) {
        this.pool = pool;
    }

    /** The next {@code times} executions of a statement whose SQL matches throw the failure instead of running. */
    FailingPool failStatements(Predicate<String> sql, int times, Supplier<SQLException> failure) {
        statementFailure = failure;
        matching = sql;
        matchingExecutions.set(0);
        statementFailuresLeft.set(times);
        return this;
    }

    /** The next {@code times} connections asked for are refused with the failure. */
    FailingPool failConnections(int times, Supplier<SQLException> failure) {
        connectionFailure = failure;
        connectionsAsked.set(0);
        connectionFailuresLeft.set(times);
        return this;
    }

    /**
     * The next {@code times} commits go through, and then report a broken connection: a JDBC commit,
     * or a statement that carries the commit with the transaction's last writes (PostgreSQL's way).
     */
    FailingPool loseCommitAnswers(int times) {
        commitAnswersToLose.set(times);
        return this;
    }

    /**
     * Before the next statement whose SQL matches is executed, the work runs (on this thread, as
     * another process would run it in between: on connections of its own); once.
     */
    FailingPool interject(Predicate<String> before, Runnable work) {
        interjection.set(new Interjection(before, work));
        return this;
    }

    /** Whether the interjected work has run. */
    boolean interjected() {
        return interjection.get() == null;
    }

    /** The next {@code times} rollbacks fail, on a connection that broke. */
    FailingPool failRollbacks(int times) {
        rollbacksToFail.set(times);
        return this;
    }

    /** Nothing fails from now on. */
    void heal() {
        statementFailuresLeft.set(0);
        connectionFailuresLeft.set(0);
        commitAnswersToLose.set(0);
        rollbacksToFail.set(0);
    }

    /** Executions of matching statements since {@link #failStatements}, failed or not. */
    int matchingExecutions() {
        return matchingExecutions.get();
    }

    /** Connections asked for since {@link #failConnections}, refused or not. */
    int connectionsAsked() {
        return connectionsAsked.get();
    }

    int commitAnswersLeftToLose() {
        return commitAnswersToLose.get();
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(FailingPool.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connectionsAsked.incrementAndGet();
                        if (takeOne(connectionFailuresLeft)) {
                            throw connectionFailure.get();
                        }
                        return connection((Connection) Delegation.invoke(pool, method, args));
                    }
                    return Delegation.invoke(pool, method, args);
                });
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(FailingPool.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("rollback") && takeOne(rollbacksToFail)) {
                        throw new SQLException("This connection has been closed.", "08003");
                    }
                    Object result = Delegation.invoke(connection, method, args);
                    if (method.getName().equals("commit") && takeOne(commitAnswersToLose)) {
                        throw lostAnswer();
                    }
                    if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                        return statement(statement, (String) args[0]);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(PreparedStatement statement, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(FailingPool.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    Interjection next = interjection.get();
                    if (EXECUTIONS.contains(method.getName()) && next != null && next.before().test(sql)
                            && interjection.compareAndSet(next, null)) {
                        next.work().run();
                    }
                    if (EXECUTIONS.contains(method.getName()) && matching.test(sql)) {
                        matchingExecutions.incrementAndGet();
                        if (takeOne(statementFailuresLeft)) {
                            throw statementFailure.get();
                        }
                    }
                    Object result = Delegation.invoke(statement, method, args);
                    if (EXECUTIONS.contains(method.getName()) && sql.endsWith("COMMIT") && takeOne(commitAnswersToLose)) {
                        throw lostAnswer();
                    }
                    return result;
                });
    }

    private static SQLException lostAnswer() {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006");
    }

    private static boolean takeOne(AtomicInteger left) {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
