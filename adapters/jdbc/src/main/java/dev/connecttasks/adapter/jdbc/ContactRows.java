package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.flow.ResolvedFlow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Contacts as rows of {@code ct_contact}. */
final class ContactRows {

    static final String COLUMNS = "instance_id, contact_id, channel, initiation_method, name, description, references_json, "
            + "flow_id, flow_source, flow_source_id, template_version, previous_contact_id, related_contact_id, "
            + "initial_contact_id, initiated_ns, scheduled_ns, expiry_duration_ns, stopped_ns, client_token, "
            + "reschedule_count, open_until_ns, segment_attributes_json, template_changes";
    /** With the attributes of the scope the contact starts, if it starts one (a new chain or a related copy). */
    private static final String INSERT = "INSERT INTO ct_contact (" + COLUMNS + ", attributes_json, open_shard) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** A scope's attributes live in the row of its initial contact; NULL when it has none. */
    private static final String SCOPE = "SELECT attributes_json FROM ct_contact WHERE instance_id = ? AND contact_id = ?";
    private static final String UPDATE_SCOPE = "UPDATE ct_contact SET attributes_json = ? WHERE instance_id = ? AND contact_id = ?";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM ct_contact WHERE instance_id = ? AND contact_id = ?";
    /** A contact with its scope's attributes (read from its initial contact's row) and the number of tasks linked to it. */
    private static final String SELECT_WITH_CHAIN = "SELECT c." + COLUMNS.replace(", ", ", c.")
            + ", s.attributes_json AS scope_attributes_json, (SELECT COUNT(*) FROM ct_contact l WHERE l.instance_id = c.instance_id "
            + "AND l.previous_contact_id = c.contact_id AND l.initiation_method <> 'TRANSFER') AS linked_tasks FROM ct_contact c LEFT JOIN ct_contact s "
            + "ON s.instance_id = c.instance_id AND s.contact_id = c.initial_contact_id WHERE c.instance_id = ? AND c.contact_id = ?";
    /**
     * Locks a contact's chain: the row of its initial contact, which carries the chain's attributes and
     * which every transaction that reads a contact of the chain locks first, so a contact, its chain's
     * attributes and its count of linked tasks stay as read until the commit.
     */
    private static final String LOCK_CHAIN = "SELECT contact_id FROM ct_contact WHERE instance_id = ? AND contact_id = "
            + "(SELECT initial_contact_id FROM ct_contact WHERE instance_id = ? AND contact_id = ?) FOR UPDATE";
    /** Stop and reschedule change only these. */
    private static final String UPDATE = "UPDATE ct_contact SET scheduled_ns = ?, stopped_ns = ?, reschedule_count = ?, "
            + "open_until_ns = ? WHERE instance_id = ? AND contact_id = ?";
    /** UpdateContact's change writes what it may edit as well. */
    private static final String UPDATE_EDITED = "UPDATE ct_contact SET scheduled_ns = ?, stopped_ns = ?, reschedule_count = ?, "
            + "open_until_ns = ?, name = ?, description = ?, references_json = ?, segment_attributes_json = ?, expiry_duration_ns = ?, "
            + "flow_source = ?, flow_source_id = ?, template_version = ?, template_changes = ? WHERE instance_id = ? AND contact_id = ?";

    /**
     * SearchContacts' range, on the index (instance_id, initiated_ns): each contact with its scope's
     * attributes, looked up by primary key per contact. A join here lets PostgreSQL hash every contact
     * of the instance to find the scopes; the subquery keeps it to the range (docs/jdbc.md).
     */
    private static final String INITIATED_BETWEEN = "SELECT c." + COLUMNS.replace(", ", ", c.")
            + ", (SELECT s.attributes_json FROM ct_contact s WHERE s.instance_id = c.instance_id AND s.contact_id = c.initial_contact_id)"
            + " AS scope_attributes_json FROM ct_contact c WHERE c.instance_id = ? AND c.initiated_ns >= ? AND c.initiated_ns <= ?";

    static java.util.List<dev.connecttasks.domain.rules.SearchRules.Found> initiatedBetween(Connection connection, String instanceId, long from,
                                                                                          long to) {
        return Sql.query(connection, INITIATED_BETWEEN, row -> new dev.connecttasks.domain.rules.SearchRules.Found(contact(row),
                attributes(row, "scope_attributes_json")), instanceId, from, to);
    }

    /** A contact, the attributes of its scope and the number of tasks linked to it. */
    record WithChain(Contact contact, Map<String, String> scope, int linkedTasks) {
    }

    private ContactRows() {
    }

    static Optional<Contact> find(Connection connection, String instanceId, String contactId) {
        return Sql.queryOne(connection, SELECT, ContactRows::contact, instanceId, contactId);
    }

    /** Locks the chain of the contact ({@link #LOCK_CHAIN}); false when there is no such contact. */
    static boolean lockChain(Connection connection, String instanceId, String contactId) {
        return Sql.queryOne(connection, LOCK_CHAIN, row -> true, instanceId, instanceId, contactId).isPresent();
    }

    /** The contact, with what a linked or related start reads next about it, in one statement. */
    static Optional<WithChain> findWithChain(Connection connection, String instanceId, String contactId) {
        return Sql.queryOne(connection, SELECT_WITH_CHAIN, row -> new WithChain(contact(row), attributes(row, "scope_attributes_json"),
                row.getInt("linked_tasks")), instanceId, contactId);
    }

    /** The attributes of the scope whose initial contact is {@code scopeId}; empty when it has none or is no contact. */
    static Map<String, String> scope(Connection connection, String instanceId, String scopeId) {
        return Sql.queryOne(connection, SCOPE, row -> attributes(row, "attributes_json"), instanceId, scopeId).orElse(Map.of());
    }

    static void updateScope(PendingWrites writes, String instanceId, String scopeId, Map<String, String> attributes) {
        writes.add(UPDATE_SCOPE, attributesColumn(attributes), instanceId, scopeId);
    }

    /**
     * Inserts the contact; {@code ownScope}: the attributes of the scope it starts, or empty when it
     * joins another's; {@code openShard}: the open-task shard it counts in while open.
     */
    static void insert(PendingWrites writes, Contact c, Map<String, String> ownScope, int openShard) {
        Optional<ResolvedFlow> flow = c.flow();
        writes.add(INSERT, c.instanceId(), c.contactId(), c.channel().name(), c.initiationMethod().name(), c.name(),
                c.description(), JsonColumns.references(c.references()), flow.map(ResolvedFlow::contactFlowId),
                flow.map(f -> f.source().name()), flow.map(ResolvedFlow::sourceId), flow.flatMap(ResolvedFlow::templateVersion),
                c.previousContactId(), c.relatedContactId(), c.initialContactId(), Nanos.of(c.initiationTimestamp()),
                c.scheduledTime().map(Nanos::of), c.expiryDuration().map(Nanos::of), c.stoppedAt().map(Nanos::of),
                c.clientToken(), c.rescheduleCount(), openUntil(c), JsonColumns.segmentAttributes(c.segmentAttributes()),
                c.templateChanges(), attributesColumn(ownScope), openShard);
    }

    private static Optional<String> attributesColumn(Map<String, String> attributes) {
        return attributes.isEmpty() ? Optional.empty() : Optional.of(JsonColumns.attributes(attributes));
    }

    private static Map<String, String> attributes(ResultSet row, String column) throws SQLException {
        return Sql.optionalString(row, column).map(JsonColumns::attributes).orElse(Map.of());
    }

    /** Writes {@code c} over {@code before}: a stop or reschedule writes its few columns, an edit the edited ones too. */
    static void update(PendingWrites writes, Contact before, Contact c) {
        boolean edited = !before.name().equals(c.name()) || !before.description().equals(c.description())
                || !before.references().equals(c.references()) || !before.segmentAttributes().equals(c.segmentAttributes())
                || !before.expiryDuration().equals(c.expiryDuration()) || !before.flow().equals(c.flow())
                || before.templateChanges() != c.templateChanges();
        if (edited) {
            Optional<ResolvedFlow> flow = c.flow();
            writes.add(UPDATE_EDITED, c.scheduledTime().map(Nanos::of), c.stoppedAt().map(Nanos::of), c.rescheduleCount(), openUntil(c),
                    c.name(), c.description(), JsonColumns.references(c.references()), JsonColumns.segmentAttributes(c.segmentAttributes()),
                    c.expiryDuration().map(Nanos::of), flow.map(f -> f.source().name()), flow.map(ResolvedFlow::sourceId),
                    flow.flatMap(ResolvedFlow::templateVersion), c.templateChanges(), c.instanceId(), c.contactId());
        } else {
            writes.add(UPDATE, c.scheduledTime().map(Nanos::of), c.stoppedAt().map(Nanos::of), c.rescheduleCount(),
                    openUntil(c), c.instanceId(), c.contactId());
        }
    }

    /** The expiry of a task that is not stopped; what the open-task count is taken over. */
    static Optional<Long> openUntil(Contact c) {
        return c.isTask() && c.stoppedAt().isEmpty() ? c.expiresAt().map(Nanos::of) : Optional.empty();
    }

    static Contact contact(ResultSet row) throws SQLException {
        Optional<String> flowId = Sql.optionalString(row, "flow_id");
        Optional<ResolvedFlow> flow = flowId.isEmpty() ? Optional.empty() : Optional.of(new ResolvedFlow(flowId.get(),
                FlowSource.valueOf(row.getString("flow_source")), row.getString("flow_source_id"),
                Sql.optionalLong(row, "template_version").map(Long::intValue)));
        return new Contact(row.getString("instance_id"), row.getString("contact_id"), Channel.valueOf(row.getString("channel")),
                InitiationMethod.valueOf(row.getString("initiation_method")), row.getString("name"),
                Sql.optionalString(row, "description"), JsonColumns.references(row.getString("references_json")), flow,
                Sql.optionalString(row, "previous_contact_id"), Sql.optionalString(row, "related_contact_id"),
                row.getString("initial_contact_id"), Nanos.instant(row.getLong("initiated_ns")),
                Sql.optionalLong(row, "scheduled_ns").map(Nanos::instant),
                Sql.optionalLong(row, "expiry_duration_ns").map(Nanos::duration),
                Sql.optionalLong(row, "stopped_ns").map(Nanos::instant), Sql.optionalString(row, "client_token"),
                row.getInt("reschedule_count"), Sql.optionalString(row, "segment_attributes_json").map(JsonColumns::segmentAttributes)
                        .orElse(Map.of()), row.getInt("template_changes"));
    }
}
