package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.ContactStoreView;
import dev.connecttasks.domain.contact.Contact;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contact store on a shared database. A transaction first locks its instance's row in
 * {@code ct_instance_guard} ({@code SELECT ... FOR UPDATE}): that lock serialises the transactions
 * of one instance across every process and pool, so the reads that follow see every earlier commit
 * and no other writer of the instance can interleave until this one commits. Instances never wait
 * for each other. The same row carries the instance's {@link OpenTaskCounter}. Under PostgreSQL's
 * REPEATABLE READ a guard changed since the snapshot fails with a serialization error, which is
 * retried; under READ COMMITTED (every database's default here but MariaDB's) and MariaDB's
 * REPEATABLE READ, whose snapshot starts at the first plain read, after the lock, the reads see
 * every commit that preceded the lock.
 */
public final class JdbcContactStore implements ContactStore {

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
                Optional<OpenTaskCounter> guard = OpenTaskCounter.lock(connection, instanceId);
                if (guard.isEmpty()) {
                    return Optional.<Result<T>>empty();
                }
                T value = work.apply(new JdbcContactStoreView(connection, instanceId, guard.get()));
                guard.get().save();
                return Optional.of(new Result<>(value));
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
