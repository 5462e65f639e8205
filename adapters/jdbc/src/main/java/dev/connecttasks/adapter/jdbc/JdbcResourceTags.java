package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ResourceTags;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Tags in {@code ct_tag}, one row of JSON a key. A change locks its row ({@code SELECT ... FOR UPDATE},
 * after making sure the row exists), so changes of one key from any process apply one after another.
 */
public final class JdbcResourceTags implements ResourceTags {

    private static final String FIND = "SELECT tags_json FROM ct_tag WHERE instance_id = ? AND tag_key = ?";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String INSERT = "INSERT INTO ct_tag (instance_id, tag_key, tags_json) VALUES (?, ?, '{}')";
    private static final String UPDATE = "UPDATE ct_tag SET tags_json = ? WHERE instance_id = ? AND tag_key = ?";

    private final JdbcTransactions transactions;

    public JdbcResourceTags(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Map<String, String> tags(String instanceId, String key) {
        return transactions.autoCommit(connection -> Sql.queryOne(connection, FIND, row -> JsonColumns.attributes(row.getString(1)), instanceId, key)
                .orElse(Map.of()));
    }

    @Override
    public void change(String instanceId, String key, UnaryOperator<Map<String, String>> change) {
        transactions.run(attempt -> {
            var connection = attempt.connection();
            Map<String, String> current = Sql.queryOne(connection, LOCK, row -> JsonColumns.attributes(row.getString(1)), instanceId, key)
                    .orElse(null);
            if (current == null) {
                try {
                    Sql.update(connection, INSERT, instanceId, key);
                } catch (JdbcFailure failure) {
                    String state = failure.sqlCause().getSQLState();
                    if (state != null && state.startsWith("23")) {
                        throw JdbcFailure.conflict("tags of " + key + ": another change made the row first");
                    }
                    throw failure;
                }
                current = Map.of();
            }
            Map<String, String> next = Map.copyOf(change.apply(current));
            Sql.update(connection, UPDATE, JsonColumns.attributes(next), instanceId, key);
            return null;
        });
    }

    @Override
    public void removeUnder(String instanceId, String keyPrefix) {
        String pattern = keyPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        transactions.run(attempt -> Sql.update(attempt.connection(), "DELETE FROM ct_tag WHERE instance_id = ? AND tag_key LIKE ? ESCAPE '!'",
                instanceId, pattern));
    }
}
