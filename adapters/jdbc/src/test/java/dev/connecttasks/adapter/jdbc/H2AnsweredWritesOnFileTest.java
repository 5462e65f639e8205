package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answered call on an H2 file is in the file when it answers, whether it wrote in a transaction
 * or in auto-commit statements: a copy of the file taken right after the answer, opened as a
 * killed process's file would be, holds it. H2 writes commits to its
 * file in the background, up to its WRITE_DELAY later; each call here is checked within a
 * millisecond or so of its answer, so a commit left to that background write shows as missing
 * (the crash test of the local server, {@code LocalServerCrashTest}, kills a real process).
 */
class H2AnsweredWritesOnFileTest {

    private static final int CALLS = 20;

    @TempDir
    Path folder;

    private JdbcDataSource database;
    private ConnectTasksService service;

    @BeforeEach
    void openTheFile() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + folder.resolve("live") + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        service = JdbcConnectTasks.create(database, o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
    }

    @AfterEach
    void shutDown() throws SQLException {
        try (Connection connection = database.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void everyAnsweredStartAndAttributeUpdateIsInTheFileWhenItAnswers() throws Exception {
        String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        answerAndCheckTheFile(instance, flow);
    }

    @Test
    void everyAnsweredDirectoryWriteIsInTheFileWhenItAnswers() throws Exception {
        for (int call = 0; call < CALLS; call++) {
            // saved in auto-commit statements, not in a transaction: an instance, then a quick connect, then its deletion
            String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("alias-" + call).build()).instanceId();
            assertThat(rowsInACopyOfTheFile(call, "SELECT COUNT(*) FROM ct_instance WHERE instance_id = ?", instance))
                    .as("instance %d in the file", call).isEqualTo(1);
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f")
                    .type("CONTACT_FLOW").build()).contactFlowId();
            String quickConnect = service.createQuickConnect(dev.connecttasks.domain.request.CreateQuickConnectRequest.builder()
                    .instanceId(instance).name("q").quickConnectType("FLOW").contactFlowId(flow).build()).quickConnectId();
            assertThat(rowsInACopyOfTheFile(call, "SELECT COUNT(*) FROM ct_quick_connect WHERE quick_connect_id = ?", quickConnect))
                    .as("quick connect %d in the file", call).isEqualTo(1);
            service.deleteQuickConnect(instance, quickConnect);
            assertThat(rowsInACopyOfTheFile(call, "SELECT COUNT(*) FROM ct_quick_connect WHERE quick_connect_id = ?", quickConnect))
                    .as("quick connect %d's deletion in the file", call).isZero();
        }
    }

    private void answerAndCheckTheFile(String instance, String flow) throws Exception {
        for (int call = 0; call < CALLS; call++) {
            String contact = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t" + call)
                    .contactFlowId(flow).build()).contactId();
            assertThat(rowsInACopyOfTheFile(call, "SELECT COUNT(*) FROM ct_contact WHERE contact_id = ?", contact))
                    .as("start %d, answered with %s, in the file", call, contact).isEqualTo(1);
            service.updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(instance).initialContactId(contact)
                    .attributes(Map.of("updated", "yes")).build());
            assertThat(rowsInACopyOfTheFile(call, "SELECT COUNT(*) FROM ct_contact WHERE contact_id = ? AND attributes_json LIKE '%updated%'",
                    contact)).as("attribute update %d in the file", call).isEqualTo(1);
        }
    }

    /** Copies the live file and counts the rows {@code query} finds in the copy, opened as after a crash. */
    private long rowsInACopyOfTheFile(int call, String query, String contactId) throws Exception {
        Path copy = folder.resolve("copy-" + call + "-" + System.nanoTime());
        Files.copy(folder.resolve("live.mv.db"), Path.of(copy + ".mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy, "sa", "");
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, contactId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("the copy of the file did not open", e);
        }
    }
}
