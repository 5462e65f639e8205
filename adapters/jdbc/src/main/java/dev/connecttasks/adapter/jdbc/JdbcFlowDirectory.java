package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.domain.flow.ContactFlow;
import java.util.Optional;
import javax.sql.DataSource;

/** Contact flows in {@code ct_contact_flow}. Every change bumps the instance's directory version under its guard (see {@link FlowRows.AtVersion}). */
public final class JdbcFlowDirectory implements FlowDirectory {

    private final JdbcTransactions transactions;

    public JdbcFlowDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(ContactFlow flow) {
        transactions.run(attempt -> {
            GuardRows.bumpDirectory(attempt.connection(), flow.instanceId());
            FlowRows.save(attempt.connection(), flow);
            return null;
        });
    }

    @Override
    public Optional<ContactFlow> find(String instanceId, String contactFlowId) {
        return transactions.autoCommit(connection -> FlowRows.find(connection, instanceId, contactFlowId));
    }

    @Override
    public java.util.List<ContactFlow> list(String instanceId) {
        return transactions.autoCommit(connection -> FlowRows.list(connection, instanceId));
    }

    /** Bumps the directory version as a save does, so no transaction goes on with the flow it remembered. */
    @Override
    public boolean delete(String instanceId, String contactFlowId) {
        return transactions.run(attempt -> {
            GuardRows.bumpDirectory(attempt.connection(), instanceId);
            return Sql.update(attempt.connection(), "DELETE FROM ct_contact_flow WHERE instance_id = ? AND contact_flow_id = ?",
                    instanceId, contactFlowId) > 0;
        });
    }
}
