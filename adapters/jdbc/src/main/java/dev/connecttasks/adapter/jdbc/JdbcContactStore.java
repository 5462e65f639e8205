package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.domain.contact.Contact;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The contact store on a shared database. Each transaction is one {@link Attempt} on one
 * connection: it first opens its instance's guard row as its dialect says ({@link Dialect#openGuard}:
 * locked with {@code SELECT ... FOR UPDATE}, or on H2 read and claimed with the first write), and
 * that lock serialises the transactions of one instance across every process and pool, so the
 * reads that follow see every earlier commit and no other writer of the instance can interleave
 * until this one commits. Instances never wait for each other. Under PostgreSQL's REPEATABLE READ a
 * guard changed since the snapshot fails with a serialization error, which is retried; under READ
 * COMMITTED (every database's default here but MariaDB's) and MariaDB's REPEATABLE READ, whose
 * snapshot starts at the first plain read, after the lock, the reads see every commit that preceded
 * the lock.
 */
public final class JdbcContactStore implements ContactStore {

    private final JdbcTransactions transactions;
    /** Flows read by this store's transactions, valid while the instance's directory version stands. */
    private final FlowRows.AtVersion flows = new FlowRows.AtVersion();

    public JdbcContactStore(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public <T> T inTransaction(String instanceId, Function<InstanceTransaction, T> work) {
        return transactions.run(attempt -> {
            Guard guard = attempt.dialect().openGuard(attempt, instanceId);
            JdbcInstanceTransaction transaction = new JdbcInstanceTransaction(attempt, instanceId, guard, flows);
            T value;
            try {
                value = work.apply(transaction);
            } catch (JdbcFailure failure) {
                throw failure;
            } catch (RuntimeException refusal) {
                transaction.confirmUnmoved();
                throw refusal;
            }
            transaction.finish();
            return value;
        });
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
