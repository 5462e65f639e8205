package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowState;
import dev.connecttasks.domain.flow.FlowStatus;
import dev.connecttasks.domain.flow.FlowType;
import java.util.Optional;
import javax.sql.DataSource;

/** Contact flows in {@code ct_contact_flow}; read on every use, since their state can change. */
public final class JdbcFlowDirectory implements FlowDirectory {

    private final JdbcTransactions transactions;

    public JdbcFlowDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(ContactFlow flow) {
        Upsert.run(transactions,
                "UPDATE ct_contact_flow SET name = ?, flow_type = ?, flow_state = ?, flow_status = ? WHERE instance_id = ? AND contact_flow_id = ?",
                new Object[] {flow.name(), flow.type().name(), flow.state().name(), flow.status().name(), flow.instanceId(), flow.contactFlowId()},
                "INSERT INTO ct_contact_flow (instance_id, contact_flow_id, name, flow_type, flow_state, flow_status) VALUES (?, ?, ?, ?, ?, ?)",
                new Object[] {flow.instanceId(), flow.contactFlowId(), flow.name(), flow.type().name(), flow.state().name(), flow.status().name()});
    }

    @Override
    public Optional<ContactFlow> find(String instanceId, String contactFlowId) {
        return transactions.autoCommit(connection -> Sql.queryOne(connection,
                "SELECT instance_id, contact_flow_id, name, flow_type, flow_state, flow_status FROM ct_contact_flow "
                        + "WHERE instance_id = ? AND contact_flow_id = ?",
                row -> new ContactFlow(row.getString(1), row.getString(2), row.getString(3), FlowType.valueOf(row.getString(4)),
                        FlowState.valueOf(row.getString(5)), FlowStatus.valueOf(row.getString(6))),
                instanceId, contactFlowId));
    }
}
