package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prepared statements in one line each; nulls and optionals are bound as SQL NULL. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection connection, String sql, Object... parameters) {
        if (namesNothing(parameters) && !sql.startsWith("INSERT")) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure(sql, e);
        }
    }

    /** Statements whose results are not read (several, separated by semicolons, where the driver allows). */
    static void execute(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.execute();
        } catch (SQLException e) {
            throw new JdbcFailure(sql, e);
        }
    }

    /**
     * An INSERT that is fine to lose to a concurrent one with the same key. Run it outside a
     * transaction: PostgreSQL would abort a transaction on the duplicate.
     */
    static void insertUnlessPresent(Connection connection, String sql, Object... parameters) {
        try {
            update(connection, sql, parameters);
        } catch (JdbcFailure failure) {
            String state = failure.sqlCause().getSQLState();
            if (state == null || !state.startsWith("23")) {
                throw failure;
            }
        }
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) {
        if (namesNothing(parameters)) {
            return List.of();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new JdbcFailure(sql, e);
        }
    }

    static <T> Optional<T> queryOne(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(connection, sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static int count(Connection connection, String sql, Object... parameters) {
        return queryOne(connection, sql, row -> row.getInt(1), parameters).orElse(0);
    }

    /**
     * A lookup by a value with U+0000 finds no row on any database: the member rules refuse U+0000 in
     * every text the stores keep, and the ids are the service's own, so no stored value has one. Asking
     * would fail on PostgreSQL, whose text cannot hold it; an id with one is simply not found.
     */
    private static boolean namesNothing(Object... parameters) {
        for (Object parameter : parameters) {
            Object value = parameter instanceof Optional<?> optional ? optional.orElse(null) : parameter;
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Optional<?> optional ? optional.orElse(null) : parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }

    /** A nullable BIGINT column. */
    static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<String> optionalString(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }
}
