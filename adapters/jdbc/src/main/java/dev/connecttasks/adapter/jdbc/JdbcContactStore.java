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
 * {@code ct_instance_guard} ({@code SELECT ... FOR UPDATE}; on H2 it reads the row and claims it with
 * its first write, see {@link InstanceGuard}): that lock serialises the transactions
 * of one instance across every process and pool, so the reads that follow see every earlier commit
 * and no other writer of the instance can interleave until this one commits. Instances never wait
 * for each other. The same row carries the instance's {@link InstanceGuard open-task counter}. Under PostgreSQL's
 * REPEATABLE READ a guard changed since the snapshot fails with a serialization error, which is
 * retried; under READ COMMITTED (every database's default here but MariaDB's) and MariaDB's
 * REPEATABLE READ, whose snapshot starts at the first plain read, after the lock, the reads see
 * every commit that preceded the lock.
 */
public final class JdbcContactStore implements ContactStore {

    private final javax.sql.DataSource dataSource;
    private final JdbcTransactions transactions;
    private volatile Dialect dialect;

    public JdbcContactStore(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public <T> T inTransaction(String instanceId, Function<ContactStoreView, T> work) {
        while (true) {
            boolean[] attempted = {false};
            Optional<Result<T>> result = transactions.inTransaction(connection -> {
                Dialect dialect = dialect(connection);
                // Read first and claim at the first write, where the database allows it; an attempt after a failed one locks first.
                boolean claimLater = dialect.claimsGuardAtFirstWrite && !attempted[0];
                attempted[0] = true;
                Optional<InstanceGuard> guard = claimLater ? InstanceGuard.read(connection, instanceId)
                        : InstanceGuard.lock(connection, instanceId, dialect);
                if (guard.isEmpty()) {
                    return Optional.<Result<T>>empty();
                }
                HeldGuards.hold(dataSource, instanceId, guard.get().directoryVersion());
                try {
                    JdbcContactStoreView view = new JdbcContactStoreView(connection, instanceId, guard.get(), dialect.combinesStatements);
                    T value;
                    try {
                        value = work.apply(view);
                    } catch (JdbcFailure failure) {
                        throw failure;
                    } catch (RuntimeException refusal) {
                        // A refusal must rest on one moment's reads, as an answer must: if the guard moved, run it again.
                        guard.get().confirmUnmoved();
                        throw refusal;
                    }
                    view.finish();
                    return Optional.of(new Result<>(value));
                } finally {
                    HeldGuards.release(dataSource, instanceId);
                }
            });
            if (result.isPresent()) {
                return result.get().value();
            }
            // The instance's first transaction: create its guard row, committed on its own, and start again.
            InstanceGuard.create(transactions, instanceId);
        }
    }

    private Dialect dialect(Connection connection) {
        Dialect known = dialect;
        if (known == null) {
            known = Dialect.of(connection);
            dialect = known;
        }
        return known;
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
        return transactions.autoCommit(connection -> ContactRows.scope(connection, instanceId, initialContactId));
    }
}
