package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.TaskTemplateDirectory;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Task templates at their latest version in {@code ct_task_template}; fields, constraints and defaults as JSON. */
public final class JdbcTaskTemplateDirectory implements TaskTemplateDirectory {

    private static final String COLUMNS = "instance_id, task_template_id, name, contact_flow_id, fields_json, constraints_json, "
            + "defaults_json, template_status, template_version, description";

    private final JdbcTransactions transactions;

    public JdbcTaskTemplateDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void save(TaskTemplate t) {
        String fields = JsonColumns.fields(t.fields());
        String constraints = JsonColumns.constraints(t.constraints());
        String defaults = JsonColumns.attributes(t.defaults());
        Upsert.run(transactions,
                "UPDATE ct_task_template SET name = ?, contact_flow_id = ?, fields_json = ?, constraints_json = ?, defaults_json = ?, "
                        + "template_status = ?, template_version = ?, description = ? WHERE instance_id = ? AND task_template_id = ?",
                new Object[] {t.name(), t.contactFlowId(), fields, constraints, defaults, t.status().name(), t.version(), t.description(),
                        t.instanceId(), t.taskTemplateId()},
                "INSERT INTO ct_task_template (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new Object[] {t.instanceId(), t.taskTemplateId(), t.name(), t.contactFlowId(), fields, constraints, defaults,
                        t.status().name(), t.version(), t.description()});
    }

    @Override
    public Optional<TaskTemplate> find(String instanceId, String taskTemplateId) {
        return transactions.autoCommit(connection -> find(connection, instanceId, taskTemplateId));
    }

    /** On the caller's connection: a contact transaction reads its templates there. */
    static Optional<TaskTemplate> find(Connection connection, String instanceId, String taskTemplateId) {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM ct_task_template WHERE instance_id = ? AND task_template_id = ?",
                JdbcTaskTemplateDirectory::template, instanceId, taskTemplateId);
    }

    @Override
    public List<TaskTemplate> list(String instanceId) {
        return transactions.autoCommit(connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM ct_task_template WHERE instance_id = ?",
                JdbcTaskTemplateDirectory::template, instanceId)).stream()
                // Sorted here, not in SQL: the database's collation need not order strings as Java does.
                .sorted(Comparator.comparing(TaskTemplate::taskTemplateId)).toList();
    }

    private static TaskTemplate template(ResultSet row) throws SQLException {
        return new TaskTemplate(row.getString(1), row.getString(2), row.getString(3), Sql.optionalString(row, "description"),
                Sql.optionalString(row, "contact_flow_id"),
                JsonColumns.fields(row.getString(5)), JsonColumns.constraints(row.getString(6)), JsonColumns.attributes(row.getString(7)),
                TemplateStatus.valueOf(row.getString(8)), row.getInt(9));
    }

    @Override
    public boolean delete(String instanceId, String taskTemplateId) {
        return transactions.autoCommitWrite(connection -> Sql.update(connection, "DELETE FROM ct_task_template WHERE instance_id = ? AND task_template_id = ?",
                instanceId, taskTemplateId) > 0);
    }
}
