package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.ContactStoreView;
import dev.connecttasks.domain.contact.Contact;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contact store on a shared database. A transaction first updates its instance's row in
 * {@code ct_instance_guard}: the row lock that update takes serialises the transactions of one
 * instance across every process and pool, so the reads that follow see every earlier commit and
 * no other writer of the instance can interleave until this one commits. Instances never wait for
 * each other. The update (not a {@code SELECT ... FOR UPDATE}) makes this hold under READ COMMITTED
 * and REPEATABLE READ alike: under PostgreSQL's REPEATABLE READ a guard updated since the snapshot
 * fails with a serialization error, which is retried.
 */
public final class JdbcContactStore implements ContactStore {

    private static final String LOCK_GUARD = "UPDATE ct_instance_guard SET transactions = transactions + 1 WHERE instance_id = ?";
    private static final String INSERT_GUARD = "INSERT INTO ct_instance_guard (instance_id, transactions) VALUES (?, 0)";
    private static final String SCOPE = "SELECT attributes_json FROM ct_scope WHERE instance_id = ? AND scope_id = ?";

    private final JdbcTransactions transactions;

    public JdbcContactStore(javax.sql.DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public <T> T inTransaction(String instanceId, Function<ContactStoreView, T> work) {
        while (true) {
            Optional<Result<T>> result = transactions.inTransaction(connection -> {
                if (Sql.update(connection, LOCK_GUARD, instanceId) == 0) {
                    return Optional.<Result<T>>empty();
                }
                JdbcContactStoreView view = new JdbcContactStoreView(connection, instanceId);
                return Optional.of(new Result<>(work.apply(view)));
            });
            if (result.isPresent()) {
                return result.get().value();
            }
            // The instance's first transaction: create its guard row, committed on its own, and start again.
            transactions.autoCommit(connection -> {
                Sql.insertUnlessPresent(connection, INSERT_GUARD, instanceId);
                return null;
            });
        }
    }

    /** Boxes the work's result, which may itself be null. */
    private record Result<T>(T value) {
    }

    @Override
    public Optional<Contact> findContact(String instanceId, String contactId) {
        return transactions.autoCommit(connection -> ContactRows.find(connection, instanceId, contactId));
    }

    @Override
    public Map<String, String> scopeAttributes(String instanceId, String initialContactId) {
        return transactions.autoCommit(connection -> scope(connection, instanceId, initialContactId).orElse(Map.of()));
    }

    static Optional<Map<String, String>> scope(Connection connection, String instanceId, String scopeId) {
        return Sql.queryOne(connection, SCOPE, row -> JsonColumns.attributes(row.getString(1)), instanceId, scopeId);
    }
}
