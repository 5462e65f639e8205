package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.domain.instance.Instance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Instances in {@code ct_instance}; a deleted one stays as a tombstone row. {@link #find} reads the
 * row: an instance deleted by another process sharing the database is refused at once. Only a
 * start asks {@link #knownToExist}, answered from the instances this process found before (one
 * round trip less on every start): a start of an instance deleted by another process since finds
 * its open-task rows gone, and the transaction that would create them anew refuses the deleted
 * instance ({@code GuardRows}).
 */
public final class JdbcInstanceDirectory implements InstanceDirectory {

    /**
     * Every table holding rows of an instance. The open-task shards first: every start holds one of
     * them to its commit, so deleting them waits for the starts under way, whose contacts and tokens
     * the later statements then see and delete (deleted before, a start committing meanwhile would
     * leave its token for a process that still knows the instance to replay).
     */
    private static final List<String> CONTENTS = List.of("ct_open_shard", "ct_instance_guard", "ct_tag", "ct_client_token", "ct_contact",
            "ct_task_template", "ct_quick_connect", "ct_contact_flow");
    private static final String COLUMNS = "instance_id, instance_alias, created_ns";

    private final JdbcTransactions transactions;
    private final java.util.Set<String> found = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public JdbcInstanceDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(Instance instance) {
        Upsert.run(transactions,
                "UPDATE ct_instance SET instance_alias = ?, created_ns = ? WHERE instance_id = ? AND deleted_ns IS NULL",
                new Object[] {instance.instanceAlias(), Nanos.of(instance.createdTime()), instance.instanceId()},
                "INSERT INTO ct_instance (instance_id, instance_alias, created_ns) VALUES (?, ?, ?)",
                new Object[] {instance.instanceId(), instance.instanceAlias(), Nanos.of(instance.createdTime())});
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return transactions.autoCommit(connection -> Sql.queryOne(connection,
                "SELECT " + COLUMNS + " FROM ct_instance WHERE instance_id = ? AND deleted_ns IS NULL",
                JdbcInstanceDirectory::instance, instanceId));
    }

    @Override
    public boolean knownToExist(String instanceId) {
        if (found.contains(instanceId)) {
            return true;
        }
        boolean exists = find(instanceId).isPresent();
        if (exists) {
            found.add(instanceId);
        }
        return exists;
    }

    @Override
    public List<Instance> list() {
        return transactions.autoCommit(connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM ct_instance WHERE deleted_ns IS NULL",
                JdbcInstanceDirectory::instance)).stream()
                .sorted(Comparator.comparing(Instance::createdTime).thenComparing(Instance::instanceId)).toList();
    }

    /**
     * One transaction: the instance's row locked, marked deleted, and every row stored under it
     * deleted. A contact transaction of the instance holding its open-task shards is waited for; one
     * that found the instance just before and commits after writes rows no call reaches any more
     * (each call finds its instance first, and ids are never reused).
     */
    @Override
    public Deletion delete(String instanceId, Optional<String> clientToken, Instant at) {
        Deletion deletion = transactions.run(attempt -> {
            Connection connection = attempt.connection();
            Optional<Row> row = Sql.queryOne(connection,
                    "SELECT deleted_ns, deletion_token FROM ct_instance WHERE instance_id = ? FOR UPDATE",
                    r -> new Row(Sql.optionalLong(r, "deleted_ns").isPresent(), Sql.optionalString(r, "deletion_token")), instanceId);
            if (row.isEmpty()) {
                return Deletion.NOT_FOUND;
            }
            if (row.get().deleted()) {
                return clientToken.isPresent() && row.get().deletionToken().equals(clientToken) ? Deletion.REPLAYED : Deletion.NOT_FOUND;
            }
            Sql.update(connection, "UPDATE ct_instance SET deleted_ns = ?, deletion_token = ? WHERE instance_id = ?",
                    Nanos.of(at), clientToken.orElse(null), instanceId);
            for (String table : CONTENTS) {
                Sql.update(connection, "DELETE FROM " + table + " WHERE instance_id = ?", instanceId);
            }
            return Deletion.DELETED;
        });
        // this process's own starts are refused at admission from now on
        found.remove(instanceId);
        return deletion;
    }

    /** The instance's row as a deletion reads it: deleted already, and with which ClientToken. */
    private record Row(boolean deleted, Optional<String> deletionToken) {
    }

    private static Instance instance(ResultSet row) throws SQLException {
        return new Instance(row.getString(1), Sql.optionalString(row, "instance_alias"), Nanos.instant(row.getLong(3)));
    }
}
