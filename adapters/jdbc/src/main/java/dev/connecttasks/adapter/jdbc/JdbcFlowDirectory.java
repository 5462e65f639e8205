package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowState;
import dev.connecttasks.domain.flow.FlowStatus;
import dev.connecttasks.domain.flow.FlowType;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Contact flows in {@code ct_contact_flow}. Every change bumps the instance's directory version
 * under its guard; a lookup made while this thread's contact transaction holds the guard reuses a
 * flow read at the same version, since no process can have changed it since. Any other lookup reads.
 */
public final class JdbcFlowDirectory implements FlowDirectory {

    private static final String UPDATE = "UPDATE ct_contact_flow SET name = ?, flow_type = ?, flow_state = ?, flow_status = ? "
            + "WHERE instance_id = ? AND contact_flow_id = ?";
    private static final String INSERT = "INSERT INTO ct_contact_flow (instance_id, contact_flow_id, name, flow_type, flow_state, flow_status) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT instance_id, contact_flow_id, name, flow_type, flow_state, flow_status FROM ct_contact_flow "
            + "WHERE instance_id = ? AND contact_flow_id = ?";

    private final DataSource dataSource;
    private final JdbcTransactions transactions;
    private final Map<FlowKey, VersionedFlow> readAtVersion = new ConcurrentHashMap<>();

    public JdbcFlowDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(ContactFlow flow) {
        while (!transactions.inTransaction(connection -> {
            if (!InstanceGuard.lockForDirectoryChange(connection, flow.instanceId())) {
                return false;
            }
            // The guard serialises every writer of this instance's flows, so update-else-insert cannot race.
            if (Sql.update(connection, UPDATE, flow.name(), flow.type().name(), flow.state().name(), flow.status().name(),
                    flow.instanceId(), flow.contactFlowId()) == 0) {
                Sql.update(connection, INSERT, flow.instanceId(), flow.contactFlowId(), flow.name(), flow.type().name(), flow.state().name(),
                        flow.status().name());
            }
            return true;
        })) {
            InstanceGuard.create(transactions, flow.instanceId());
        }
    }

    @Override
    public Optional<ContactFlow> find(String instanceId, String contactFlowId) {
        OptionalLong version = HeldGuards.directoryVersion(dataSource, instanceId);
        FlowKey key = new FlowKey(instanceId, contactFlowId);
        if (version.isPresent()) {
            VersionedFlow known = readAtVersion.get(key);
            if (known != null && known.version() == version.getAsLong()) {
                return known.flow();
            }
        }
        Optional<ContactFlow> flow = transactions.autoCommit(connection -> Sql.queryOne(connection, FIND,
                row -> new ContactFlow(row.getString(1), row.getString(2), row.getString(3), FlowType.valueOf(row.getString(4)),
                        FlowState.valueOf(row.getString(5)), FlowStatus.valueOf(row.getString(6))),
                instanceId, contactFlowId));
        if (version.isPresent()) {
            readAtVersion.put(key, new VersionedFlow(version.getAsLong(), flow));
        }
        return flow;
    }

    private record FlowKey(String instanceId, String contactFlowId) {
    }

    private record VersionedFlow(long version, Optional<ContactFlow> flow) {
    }
}
