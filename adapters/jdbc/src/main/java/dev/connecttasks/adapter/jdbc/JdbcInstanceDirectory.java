package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.domain.instance.Instance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Instances in {@code ct_instance}. An instance never changes or goes away once created, so
 * instances found are kept in memory: every StartTaskContact looks its instance up, and this saves
 * that round trip without any risk of reading a stale row. Misses always go to the database.
 */
public final class JdbcInstanceDirectory implements InstanceDirectory {

    private final JdbcTransactions transactions;
    private final ConcurrentHashMap<String, Instance> found = new ConcurrentHashMap<>();

    public JdbcInstanceDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(Instance instance) {
        Upsert.run(transactions,
                "UPDATE ct_instance SET instance_alias = ?, created_ns = ? WHERE instance_id = ?",
                new Object[] {instance.instanceAlias(), Nanos.of(instance.createdTime()), instance.instanceId()},
                "INSERT INTO ct_instance (instance_id, instance_alias, created_ns) VALUES (?, ?, ?)",
                new Object[] {instance.instanceId(), instance.instanceAlias(), Nanos.of(instance.createdTime())});
        found.remove(instance.instanceId());
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        Instance cached = found.get(instanceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Instance> instance = transactions.autoCommit(connection -> Sql.queryOne(connection,
                "SELECT instance_id, instance_alias, created_ns FROM ct_instance WHERE instance_id = ?",
                JdbcInstanceDirectory::instance, instanceId));
        instance.ifPresent(i -> found.put(instanceId, i));
        return instance;
    }

    @Override
    public List<Instance> list() {
        return transactions.autoCommit(connection -> Sql.query(connection,
                "SELECT instance_id, instance_alias, created_ns FROM ct_instance",
                JdbcInstanceDirectory::instance)).stream()
                .sorted(Comparator.comparing(Instance::createdTime).thenComparing(Instance::instanceId)).toList();
    }

    private static Instance instance(ResultSet row) throws SQLException {
        return new Instance(row.getString(1), Sql.optionalString(row, "instance_alias"), Nanos.instant(row.getLong(3)));
    }
}
