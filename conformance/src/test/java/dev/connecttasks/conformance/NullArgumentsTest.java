package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A null request, tag map or key list is the Java caller's mistake: every operation of the in-port
 * refuses it with a NullPointerException that names the argument, never with a ConnectException
 * (before, a null request surfaced as InternalServiceException ADAPTER_FAILURE).
 */
class NullArgumentsTest {

    @Test
    void everyOperationNamesItsNullArgument() throws Exception {
        ConnectTasksService service = ConnectTasks.inMemory();
        List<String> checked = new ArrayList<>();
        for (Method method : ConnectTasksService.class.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                String name = argumentName(types[i]);
                if (name == null) {
                    continue;
                }
                Object[] arguments = new Object[types.length];
                for (int j = 0; j < types.length; j++) {
                    arguments[j] = j == i ? null : filler(types[j]);
                }
                Throwable thrown = null;
                try {
                    method.invoke(service, arguments);
                } catch (InvocationTargetException e) {
                    thrown = e.getCause();
                }
                assertThat(thrown).as("%s with a null %s", method.getName(), name).isExactlyInstanceOf(NullPointerException.class)
                        .hasMessageStartingWith(name + " must not be null");
                checked.add(method.getName() + Arrays.toString(types));
            }
        }
        assertThat(checked).as("operations with a request, tag map or key list").hasSizeGreaterThan(25);
    }

    @Test
    void aNullAttributeValueOrKeyIsNamedWithItsMemberAndKey() {
        java.util.Map<String, String> attributes = new java.util.HashMap<>();
        attributes.put("customer", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.connecttasks.domain.request.StartTaskContactRequest.builder()
                        .instanceId("i").name("t").attributes(attributes).build())
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("Attributes value of 'customer' must not be null");
        java.util.Map<String, String> nullKey = new java.util.HashMap<>();
        nullKey.put(null, "v");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.connecttasks.domain.request.UpdateContactAttributesRequest.builder()
                        .instanceId("i").initialContactId("c").attributes(nullKey).build())
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("Attributes holds a null key");
    }

    private static String argumentName(Class<?> type) {
        if (type.getSimpleName().endsWith("Request")) {
            return "request";
        }
        if (type == Map.class) {
            return "tags";
        }
        if (type == List.class) {
            return "tagKeys";
        }
        return null;
    }

    private static Object filler(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == Map.class) {
            return Map.of("k", "v");
        }
        if (type == List.class) {
            return List.of("k");
        }
        throw new IllegalArgumentException("no filler for " + type);
    }
}
