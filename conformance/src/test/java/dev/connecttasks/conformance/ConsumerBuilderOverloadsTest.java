package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every operation that takes a request with a builder also takes a consumer of that builder, as the AWS SDK's do. */
class ConsumerBuilderOverloadsTest {

    @Test
    void aTaskStartsFromConsumerBuilders() {
        ConnectTasksService connect = ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
        String instance = connect.createInstance(r -> r.instanceAlias("demo")).instanceId();
        String flow = connect.createContactFlow(r -> r.instanceId(instance).name("f").type("CONTACT_FLOW")).contactFlowId();
        String task = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t").attributes(Map.of("k", "v")))
                .contactId();
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(task)).attributes())
                .containsExactly(Map.entry("k", "v"));
        assertThat(connect.listContactFlows(r -> r.instanceId(instance).maxResults(1)).items()).hasSize(1);
    }

    @Test
    void everyOperationWithABuildableRequestHasItsConsumerForm() throws Exception {
        List<String> missing = new ArrayList<>();
        int overloads = 0;
        for (Method method : ConnectTasksService.class.getMethods()) {
            if (method.getParameterCount() != 1 || method.getName().endsWith("Async")) {
                continue;
            }
            Class<?> type = method.getParameterTypes()[0];
            Class<?> builder;
            try {
                builder = type.getMethod("builder").getReturnType();
            } catch (NoSuchMethodException e) {
                continue;
            }
            boolean found = false;
            for (Method other : ConnectTasksService.class.getMethods()) {
                if (other.getName().equals(method.getName()) && other.getParameterCount() == 1 && other.getParameterTypes()[0] == Consumer.class
                        && ((ParameterizedType) other.getGenericParameterTypes()[0]).getActualTypeArguments()[0] == builder) {
                    found = true;
                }
            }
            if (found) {
                overloads++;
            } else {
                missing.add(method.getName() + "(" + type.getSimpleName() + ")");
            }
        }
        assertThat(missing).isEmpty();
        assertThat(overloads).isGreaterThanOrEqualTo(20);
    }
}
