package dev.connecttasks.testkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a pool and records every JDBC call that costs the client a request to the server:
 * statement executions (with their SQL), commits, rollbacks and auto-commit switches.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource pool;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    public CountingDataSource(DataSource pool) {
        this.pool = pool;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(pool.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "commit", "rollback" -> calls.add(method.getName());
                case "setAutoCommit" -> calls.add("setAutoCommit(" + args[0] + ")");
                default -> { }
            }
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement")) {
                return statement((Statement) result, (String) args[0]);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private Statement statement(Statement statement, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                calls.add(sql);
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {java.sql.PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }
}
