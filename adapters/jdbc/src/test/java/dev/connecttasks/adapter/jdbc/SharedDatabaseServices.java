package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Three services on one database, each on its own connection pool (as three processes would be),
 * with a fresh instance and flow; call {@code i} goes to service {@code i % 3}.
 */
final class SharedDatabaseServices {

    static final int PROCESSES = 3;
    private static final int CONNECTIONS_PER_PROCESS = 8;
    private static final Map<TestDatabase.Kind, List<DataSource>> POOLS = new EnumMap<>(TestDatabase.Kind.class);

    private final List<ConnectTasksService> services;
    private final String instance;
    private final String flow;
    private final DatabaseRows rows;

    private SharedDatabaseServices(TestDatabase database, List<ConnectTasksService> services) {
        this.services = services;
        this.instance = services.get(0).createInstance(CreateInstanceRequest.builder().instanceAlias("race").build()).instanceId();
        this.flow = services.get(1).createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build())
                .contactFlowId();
        this.rows = new DatabaseRows(database, instance);
    }

    static SharedDatabaseServices on(TestDatabase database, TaskPolicy policy) {
        List<ConnectTasksService> services = new ArrayList<>();
        for (DataSource pool : pools(database)) {
            services.add(JdbcConnectTasks.create(pool, o -> o.policy(policy.withThrottling(false)).migrate(false)));
        }
        return new SharedDatabaseServices(database, services);
    }

    static synchronized List<DataSource> pools(TestDatabase database) {
        return POOLS.computeIfAbsent(database.kind, kind -> {
            List<DataSource> pools = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                pools.add(database.newPool("process-" + i, CONNECTIONS_PER_PROCESS));
            }
            return pools;
        });
    }

    ConnectTasksService service(int call) {
        return services.get(call % services.size());
    }

    String flow() {
        return flow;
    }

    String instance() {
        return instance;
    }

    StartTaskContactRequest.Builder task() {
        return StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow);
    }

    String start(int call, StartTaskContactRequest.Builder request) {
        return service(call).startTaskContact(request.build()).contactId();
    }

    Map<String, String> attributes(int call, String contactId) {
        return service(call).getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(contactId).build())
                .attributes();
    }

    DatabaseRows rows() {
        return rows;
    }
}
