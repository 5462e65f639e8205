package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowState;
import dev.connecttasks.domain.flow.FlowStatus;
import dev.connecttasks.domain.flow.FlowType;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Contact flows as rows of {@code ct_contact_flow}, and the flows contact transactions read, kept at the version they were read at. */
final class FlowRows {

    private static final String UPDATE = "UPDATE ct_contact_flow SET name = ?, flow_type = ?, flow_state = ?, flow_status = ?, "
            + "description = ?, content = ?, tags_json = ? WHERE instance_id = ? AND contact_flow_id = ?";
    private static final String INSERT = "INSERT INTO ct_contact_flow (instance_id, contact_flow_id, name, flow_type, flow_state, flow_status, "
            + "description, content, tags_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "instance_id, contact_flow_id, name, flow_type, flow_state, flow_status, description, content, "
            + "tags_json";
    private static final String FIND = "SELECT " + COLUMNS + " FROM ct_contact_flow WHERE instance_id = ? AND contact_flow_id = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM ct_contact_flow WHERE instance_id = ?";

    private FlowRows() {
    }

    static Optional<ContactFlow> find(Connection connection, String instanceId, String contactFlowId) {
        return Sql.queryOne(connection, FIND, FlowRows::flow, instanceId, contactFlowId);
    }

    /** The instance's flows, ordered by id in Java (the database's collation need not order strings as Java does). */
    static java.util.List<ContactFlow> list(Connection connection, String instanceId) {
        return Sql.query(connection, LIST, FlowRows::flow, instanceId).stream()
                .sorted(java.util.Comparator.comparing(ContactFlow::contactFlowId)).toList();
    }

    private static ContactFlow flow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ContactFlow(row.getString(1), row.getString(2), row.getString(3),
                FlowType.valueOf(row.getString(4)), FlowState.valueOf(row.getString(5)), FlowStatus.valueOf(row.getString(6)),
                Sql.optionalString(row, "description"), Sql.optionalString(row, "content"),
                Sql.optionalString(row, "tags_json").map(JsonColumns::attributes).orElse(Map.of()));
    }

    /** Update-else-insert; the caller holds the instance's guard, which serialises every writer of its flows. */
    static void save(Connection connection, ContactFlow flow) {
        Optional<String> tags = flow.tags().isEmpty() ? Optional.empty() : Optional.of(JsonColumns.attributes(flow.tags()));
        if (Sql.update(connection, UPDATE, flow.name(), flow.type().name(), flow.state().name(), flow.status().name(),
                flow.description(), flow.content(), tags, flow.instanceId(), flow.contactFlowId()) == 0) {
            Sql.update(connection, INSERT, flow.instanceId(), flow.contactFlowId(), flow.name(), flow.type().name(), flow.state().name(),
                    flow.status().name(), flow.description(), flow.content(), tags);
        }
    }

    /**
     * Flows read by contact transactions, each with the instance's directory version it was read at.
     * Every flow change bumps that version in the instance's guard row. A transaction takes the
     * remembered flow without asking the database and has its version confirmed where it matters: a
     * start's open-task slot is taken only at that version, and a refusal that read a flow re-reads it
     * ({@link InstanceGuard}). A transaction that finds the version moved forgets the instance's flows,
     * so its next attempt reads them again.
     */
    static final class AtVersion {

        private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";

        private record Key(String instanceId, String contactFlowId) {
        }

        /** A flow, or its absence, as read at {@code version} ({@link Long#MIN_VALUE}: the instance had no guard row). */
        record Read(long version, Optional<ContactFlow> flow) {
        }

        private final Map<Key, Read> reads = new ConcurrentHashMap<>();

        Read find(Connection connection, String instanceId, String contactFlowId) {
            Key key = new Key(instanceId, contactFlowId);
            Read known = reads.get(key);
            if (known != null) {
                return known;
            }
            long version = Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId).orElse(Long.MIN_VALUE);
            Read read = new Read(version, FlowRows.find(connection, instanceId, contactFlowId));
            reads.put(key, read);
            return read;
        }

        void forget(String instanceId) {
            reads.keySet().removeIf(key -> key.instanceId().equals(instanceId));
        }
    }
}
