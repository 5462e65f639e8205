package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.QuickConnectDirectory;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.QuickConnectType;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Quick connects in {@code ct_quick_connect}. */
public final class JdbcQuickConnectDirectory implements QuickConnectDirectory {

    private static final String FIND = "SELECT instance_id, quick_connect_id, name, quick_connect_type, target, contact_flow_id "
            + "FROM ct_quick_connect WHERE instance_id = ? AND quick_connect_id = ?";
    private static final String LIST = "SELECT instance_id, quick_connect_id, name, quick_connect_type, target, contact_flow_id "
            + "FROM ct_quick_connect WHERE instance_id = ?";

    private final JdbcTransactions transactions;

    public JdbcQuickConnectDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(QuickConnect q) {
        Upsert.run(transactions,
                "UPDATE ct_quick_connect SET name = ?, quick_connect_type = ?, target = ?, contact_flow_id = ? "
                        + "WHERE instance_id = ? AND quick_connect_id = ?",
                new Object[] {q.name(), q.type().name(), q.target(), q.contactFlowId(), q.instanceId(), q.quickConnectId()},
                "INSERT INTO ct_quick_connect (instance_id, quick_connect_id, name, quick_connect_type, target, contact_flow_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                new Object[] {q.instanceId(), q.quickConnectId(), q.name(), q.type().name(), q.target(), q.contactFlowId()});
    }

    @Override
    public Optional<QuickConnect> find(String instanceId, String quickConnectId) {
        return transactions.autoCommit(connection -> find(connection, instanceId, quickConnectId));
    }

    /** On the caller's connection: a contact transaction reads its quick connects there. */
    static Optional<QuickConnect> find(Connection connection, String instanceId, String quickConnectId) {
        return Sql.queryOne(connection, FIND, JdbcQuickConnectDirectory::quickConnect, instanceId, quickConnectId);
    }

    @Override
    public List<QuickConnect> list(String instanceId) {
        return transactions.autoCommit(connection -> Sql.query(connection, LIST, JdbcQuickConnectDirectory::quickConnect, instanceId)).stream()
                // Sorted here, not in SQL: the database's collation need not order strings as Java does.
                .sorted(Comparator.comparing(QuickConnect::quickConnectId)).toList();
    }

    private static QuickConnect quickConnect(java.sql.ResultSet row) throws java.sql.SQLException {
        return new QuickConnect(row.getString(1), row.getString(2), row.getString(3), QuickConnectType.valueOf(row.getString(4)),
                Sql.optionalString(row, "target"), Sql.optionalString(row, "contact_flow_id"));
    }

    @Override
    public boolean delete(String instanceId, String quickConnectId) {
        return transactions.autoCommitWrite(connection -> Sql.update(connection, "DELETE FROM ct_quick_connect WHERE instance_id = ? AND quick_connect_id = ?",
                instanceId, quickConnectId) > 0);
    }
}
