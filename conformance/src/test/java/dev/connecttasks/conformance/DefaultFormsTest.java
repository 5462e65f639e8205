package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every async form and every consumer-builder overload answers as its plain form does: each pair
 * runs on two services in the same state (same clock, same ids, one instance), one through the form
 * under test and one through the plain operation, and their answers (a value, or an exception's
 * class, reason and message) and the states they leave (the instances listed after) must be equal.
 */
class DefaultFormsTest {

    private static final String INSTANCE = "form-1";

    private static ConnectTasksService freshService() {
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(MutableClock.at("2026-07-01T10:00:00Z")).ids(new SequentialIds("form"))
                .policy(TaskPolicy.defaults().withThrottling(false)));
        assertThat(service.createInstance(CreateInstanceRequest.builder().instanceAlias("forms").build()).instanceId()).isEqualTo(INSTANCE);
        return service;
    }

    @Test
    void everyAsyncFormAnswersAsItsPlainForm() throws Exception {
        int pairs = 0;
        for (Method async : ConnectTasksService.class.getMethods()) {
            if (!async.getName().endsWith("Async") || async.getReturnType() != CompletableFuture.class) {
                continue;
            }
            Method plain = ConnectTasksService.class.getMethod(async.getName().substring(0, async.getName().length() - "Async".length()),
                    async.getParameterTypes());
            Object[] args = arguments(async);
            ConnectTasksService viaAsync = freshService();
            ConnectTasksService viaPlain = freshService();
            String answerAsync = outcome(() -> ((CompletableFuture<?>) async.invoke(viaAsync, args)).join());
            String answerPlain = outcome(() -> plain.invoke(viaPlain, args));
            assertThat(answerAsync).as(async.toString()).isEqualTo(answerPlain);
            assertThat(viaAsync.listInstances()).as(async + ": the state it leaves").isEqualTo(viaPlain.listInstances());
            pairs++;
        }
        assertThat(pairs).as("async forms found").isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyConsumerBuilderOverloadAnswersAsItsPlainForm() throws Exception {
        int pairs = 0;
        for (Method overload : ConnectTasksService.class.getMethods()) {
            if (overload.getParameterCount() != 1 || overload.getParameterTypes()[0] != Consumer.class) {
                continue;
            }
            Class<?> builderType = (Class<?>) ((ParameterizedType) overload.getGenericParameterTypes()[0]).getActualTypeArguments()[0];
            Method plain = plainFor(overload, builderType);
            Consumer<Object> setInstance = builder -> instanceIdOn(builder);
            ConnectTasksService viaOverload = freshService();
            ConnectTasksService viaPlain = freshService();
            String answerOverload = outcome(() -> overload.invoke(viaOverload, setInstance));
            String answerPlain = outcome(() -> {
                Object builder = plain.getParameterTypes()[0].getMethod("builder").invoke(null);
                setInstance.accept(builder);
                return plain.invoke(viaPlain, builder.getClass().getMethod("build").invoke(builder));
            });
            assertThat(answerOverload).as(overload.toString()).isEqualTo(answerPlain);
            assertThat(viaOverload.listInstances()).as(overload + ": the state it leaves").isEqualTo(viaPlain.listInstances());
            pairs++;
        }
        assertThat(pairs).as("consumer-builder overloads found").isGreaterThanOrEqualTo(20);
    }

    /** The plain operation whose request the overload's builder builds. */
    private static Method plainFor(Method overload, Class<?> builderType) {
        for (Method candidate : ConnectTasksService.class.getMethods()) {
            if (candidate.getName().equals(overload.getName()) && candidate.getParameterCount() == 1
                    && candidate.getParameterTypes()[0] != Consumer.class && builderType.getEnclosingClass() == candidate.getParameterTypes()[0]) {
                return candidate;
            }
        }
        throw new AssertionError("no plain form for " + overload);
    }

    /** The instance set on a builder that has an instanceId member, so calls get past the instance to their own rules. */
    private static void instanceIdOn(Object builder) {
        try {
            builder.getClass().getMethod("instanceId", String.class).invoke(builder, INSTANCE);
        } catch (NoSuchMethodException none) {
            // a request without an instance (CreateInstance's)
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arguments that reach each operation's own rules: the instance for every id, requests with only their instance, empty collections. */
    private static Object[] arguments(Method method) throws ReflectiveOperationException {
        List<Object> args = new ArrayList<>();
        for (Class<?> type : method.getParameterTypes()) {
            if (type == String.class) {
                args.add(INSTANCE);
            } else if (type == List.class) {
                args.add(List.of("k"));
            } else if (type == Map.class) {
                args.add(Map.of("k", "v"));
            } else if (type == Optional.class) {
                args.add(Optional.of(INSTANCE));
            } else if (type == Integer.class || type == int.class) {
                args.add(1);
            } else {
                args.add(request(type));
            }
        }
        return args.toArray();
    }

    /** A request of {@code type} naming the instance: through its builder, or its record components where it has none. */
    private static Object request(Class<?> type) throws ReflectiveOperationException {
        try {
            Object builder = type.getMethod("builder").invoke(null);
            instanceIdOn(builder);
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (NoSuchMethodException noBuilder) {
            var components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == Optional.class ? Optional.of(INSTANCE) : types[i] == Map.class ? Map.of() : types[i] == List.class
                        ? List.of() : types[i] == String.class ? INSTANCE : null;
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** A call's answer as text: its value, or its exception's class, reason and message. */
    private static String outcome(Call call) {
        try {
            return "value " + Objects.toString(call.run());
        } catch (InvocationTargetException e) {
            return thrown(e.getCause());
        } catch (CompletionException e) {
            return thrown(e.getCause());
        } catch (Exception e) {
            return thrown(e);
        }
    }

    private static String thrown(Throwable e) {
        String reason = e instanceof dev.connecttasks.domain.error.ConnectException c ? " " + c.reason() : "";
        return "thrown " + e.getClass().getName() + reason + ": " + e.getMessage();
    }
}
