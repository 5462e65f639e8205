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
 * connection, at READ COMMITTED (set on MariaDB; the others' default), and locks the rows its
 * decision reads where calls meet ({@link JdbcInstanceTransaction}: chains, ClientTokens, and the
 * instance's open-task count from a start's quota read to its commit), so every limit holds across
 * every process and pool while starts of different chains of one instance run side by side.
 * Instances never wait for each other. Under PostgreSQL's REPEATABLE READ a locked row changed
 * since the snapshot fails with a serialization error, which is retried.
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
            JdbcInstanceTransaction transaction = new JdbcInstanceTransaction(attempt, instanceId, flows);
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
    public java.util.List<dev.connecttasks.domain.rules.SearchRules.Found> initiatedBetween(String instanceId, java.time.Instant from,
                                                                                          java.time.Instant to) {
        return transactions.autoCommit(connection -> ContactRows.initiatedBetween(connection, instanceId, Nanos.clamped(from), Nanos.clamped(to)));
    }

    @Override
    public Map<String, String> scopeAttributes(String instanceId, String initialContactId) {
        return transactions.autoCommit(connection -> ContactRows.scope(connection, instanceId, initialContactId));
    }

    /**
     * One transaction: the open-task shards set back to a new instance's (which locks them, so starts
     * under way commit first, as for a deletion), then the contacts and their tokens deleted. The guard
     * row's directory version stays: the flows cached against it are still the instance's.
     */
    @Override
    public void clear(String instanceId) {
        transactions.run(attempt -> {
            java.sql.Connection connection = attempt.connection();
            GuardRows.empty(connection, instanceId);
            Sql.update(connection, "DELETE FROM ct_client_token WHERE instance_id = ?", instanceId);
            Sql.update(connection, "DELETE FROM ct_contact WHERE instance_id = ?", instanceId);
            return null;
        });
    }
}
