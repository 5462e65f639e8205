package dev.connecttasks.adapter.http;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.connect.ConnectClient;

/** An SDK test over a fresh in-memory service behind the HTTP server: the fixture, its client and its instance, per test. */
abstract class InMemorySdkTest {

    protected SdkFixture fixture;
    protected ConnectClient connect;
    protected String instance;

    /** The service under the server; throttling off unless a test says otherwise. */
    protected ConnectTasksService service() {
        return ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
    }

    @BeforeEach
    void startServer() throws Exception {
        fixture = SdkFixture.start(service());
        connect = fixture.connect;
        instance = fixture.instance;
    }

    @AfterEach
    void stopServer() {
        fixture.close();
    }
}
