package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database that holds contacts at an earlier schema version keeps every one of them, attributes included, when migrated. */
class JdbcMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void scopesMoveIntoTheirInitialContactsRowsWhenV4Runs(TestDatabase.Kind kind) throws SQLException {
        DataSource pool = TestDatabase.unmigrated(kind).pool();
        Flyway.configure().dataSource(pool).locations("classpath:db/migration/" + JdbcSchema.folder(pool)).table(JdbcSchema.HISTORY_TABLE)
                .target("3").load().migrate();
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO ct_instance (instance_id, instance_alias, created_ns) VALUES ('i', 'old', 0)");
            contact(sql, "a", "a", null);
            contact(sql, "b", "a", "a");
            contact(sql, "r", "r", null);
            contact(sql, "n", "n", null);
            sql.execute("INSERT INTO ct_scope (instance_id, scope_id, attributes_json) VALUES ('i', 'a', '{\"x\":\"1\"}'), "
                    + "('i', 'r', '{\"y\":\"it''s é\"}')");
        }

        JdbcSchema.Migrated migrated = JdbcSchema.migrate(pool);
        assertThat(migrated.migrationsRun()).as("the migrations after version 3 ran").isPositive();
        JdbcSchema.Migrated again = JdbcSchema.migrate(pool);
        assertThat(again.migrationsRun()).as("a second migration finds nothing to do").isZero();
        assertThat(again.schemaVersion()).as("both report the version the first one reached").isEqualTo(migrated.schemaVersion())
                .isNotEqualTo("3");

        ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.migrate(false));
        assertThat(attributes(service, "a")).isEqualTo(Map.of("x", "1"));
        assertThat(attributes(service, "b")).as("a linked contact reads its chain's scope").isEqualTo(Map.of("x", "1"));
        assertThat(attributes(service, "r")).isEqualTo(Map.of("y", "it's é"));
        assertThat(attributes(service, "n")).as("a contact that had no scope row").isEmpty();
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT COUNT(*) FROM ct_scope")).as("the old table is gone").isInstanceOf(SQLException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void aServiceMigratesANewDatabaseByDefaultAndLeavesItAloneWhenTheApplicationMigrates() throws SQLException {
        DataSource fresh = freshH2("migrated-by-default");
        ConnectTasksService service = JdbcConnectTasks.create(fresh);
        assertThat(service.createInstance(dev.connecttasks.domain.request.CreateInstanceRequest.builder().build()).instanceId()).isNotBlank();
        assertThat(historyRows(fresh)).as("the migrations ran and were recorded").isPositive();

        DataSource untouched = freshH2("migrated-by-the-application");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> JdbcConnectTasks.create(untouched,
                o -> o.migrate(false).policy(dev.connecttasks.domain.policy.TaskPolicy.defaults()))
                .createInstance(dev.connecttasks.domain.request.CreateInstanceRequest.builder().build())))
                .as("no schema: the service cannot work").isNotNull();
        assertThatThrownBy(() -> historyRows(untouched)).as("and it ran no migration").isInstanceOf(SQLException.class);
    }

    private static DataSource freshH2(String name) {
        org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return database;
    }

    private static long historyRows(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM \"" + JdbcSchema.HISTORY_TABLE + "\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void contact(Statement sql, String id, String initial, String previous) throws SQLException {
        sql.execute("INSERT INTO ct_contact (instance_id, contact_id, channel, initiation_method, name, references_json, previous_contact_id, "
                + "initial_contact_id, initiated_ns, reschedule_count) VALUES ('i', '" + id + "', 'VOICE', 'INBOUND', '', '{}', "
                + (previous == null ? "NULL" : "'" + previous + "'") + ", '" + initial + "', 0, 0)");
    }

    private static Map<String, String> attributes(ConnectTasksService service, String contactId) {
        return service.getContactAttributes(GetContactAttributesRequest.builder().instanceId("i").initialContactId(contactId).build()).attributes();
    }
}
