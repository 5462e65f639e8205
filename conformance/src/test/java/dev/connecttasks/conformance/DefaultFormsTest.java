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
    // the answers compared, for a look at what each pair did: -Ddefault.forms.print=true
    private static final boolean PRINT = Boolean.getBoolean("default.forms.print");

    private static final String INSTANCE = "form-1";
    private static final String FLOW = "form-2";
    private static final String QUICK_CONNECT = "form-3";
    private static final String TEMPLATE = "form-4";
    private static final String TASK = "form-5";

    /** How much of each request the test fills: only its instance (the calls meet their rules' refusals), or every member it can (they succeed). */
    enum Filling { INSTANCE_ONLY, EVERY_MEMBER }

    /** A service holding one instance, a flow, a quick connect on it, a template and a task, under the same ids every time. */
    private static ConnectTasksService freshService() {
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(MutableClock.at("2026-07-01T10:00:00Z")).ids(new SequentialIds("form"))
                .policy(TaskPolicy.defaults().withThrottling(false)));
        assertThat(service.createInstance(CreateInstanceRequest.builder().instanceAlias("forms").build()).instanceId()).isEqualTo(INSTANCE);
        assertThat(service.createContactFlow(r -> r.instanceId(INSTANCE).name("f").type("CONTACT_FLOW")).contactFlowId()).isEqualTo(FLOW);
        assertThat(service.createQuickConnect(r -> r.instanceId(INSTANCE).name("q").quickConnectType("FLOW").contactFlowId(FLOW))
                .quickConnectId()).isEqualTo(QUICK_CONNECT);
        assertThat(service.createTaskTemplate(r -> r.instanceId(INSTANCE).name("t").contactFlowId(FLOW)).taskTemplateId()).isEqualTo(TEMPLATE);
        assertThat(service.startTaskContact(r -> r.instanceId(INSTANCE).contactFlowId(FLOW).name("task")).contactId()).isEqualTo(TASK);
        return service;
    }

    /** The members {@link Filling#EVERY_MEMBER} sets, by name: ids of the service's own resources and values its rules take. */
    private static final Map<String, Object> MEMBERS = Map.ofEntries(Map.entry("instanceId", INSTANCE), Map.entry("contactId", TASK),
            Map.entry("initialContactId", TASK), Map.entry("contactFlowId", FLOW), Map.entry("quickConnectId", QUICK_CONNECT),
            Map.entry("taskTemplateId", TEMPLATE), Map.entry("name", "n"), Map.entry("type", "CONTACT_FLOW"), Map.entry("channel", "VOICE"),
            Map.entry("quickConnectType", "FLOW"), Map.entry("destinationPhoneNumber", "+441632960000"),
            Map.entry("contactFlowState", "ACTIVE"), Map.entry("instanceAlias", "other"));

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Filling.class)
    void everyAsyncFormAnswersAsItsPlainForm(Filling filling) throws Exception {
        int pairs = 0;
        for (Method async : ConnectTasksService.class.getMethods()) {
            if (!async.getName().endsWith("Async") || async.getReturnType() != CompletableFuture.class) {
                continue;
            }
            Method plain = ConnectTasksService.class.getMethod(async.getName().substring(0, async.getName().length() - "Async".length()),
                    async.getParameterTypes());
            Object[] args = arguments(async, filling);
            ConnectTasksService viaAsync = freshService();
            ConnectTasksService viaPlain = freshService();
            String answerAsync = outcome(() -> ((CompletableFuture<?>) async.invoke(viaAsync, args)).join());
            String answerPlain = outcome(() -> plain.invoke(viaPlain, args));
            assertThat(answerAsync).as(async.toString()).isEqualTo(answerPlain);
            print(filling, async, answerPlain);
            assertThat(state(viaAsync)).as(async + ": the state it leaves").isEqualTo(state(viaPlain));
            pairs++;
        }
        assertThat(pairs).as("async forms found").isGreaterThanOrEqualTo(30);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Filling.class)
    void everyConsumerBuilderOverloadAnswersAsItsPlainForm(Filling filling) throws Exception {
        int pairs = 0;
        for (Method overload : ConnectTasksService.class.getMethods()) {
            if (overload.getParameterCount() != 1 || overload.getParameterTypes()[0] != Consumer.class) {
                continue;
            }
            Class<?> builderType = (Class<?>) ((ParameterizedType) overload.getGenericParameterTypes()[0]).getActualTypeArguments()[0];
            Method plain = plainFor(overload, builderType);
            Consumer<Object> setInstance = builder -> fill(builder, filling);
            ConnectTasksService viaOverload = freshService();
            ConnectTasksService viaPlain = freshService();
            String answerOverload = outcome(() -> overload.invoke(viaOverload, setInstance));
            String answerPlain = outcome(() -> {
                Object builder = plain.getParameterTypes()[0].getMethod("builder").invoke(null);
                setInstance.accept(builder);
                return plain.invoke(viaPlain, builder.getClass().getMethod("build").invoke(builder));
            });
            assertThat(answerOverload).as(overload.toString()).isEqualTo(answerPlain);
            print(filling, overload, answerPlain);
            assertThat(state(viaOverload)).as(overload + ": the state it leaves").isEqualTo(state(viaPlain));
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

    /** Sets the builder's members as {@code filling} says; a member it lacks is passed over. */
    private static void fill(Object builder, Filling filling) {
        boolean listing = builder.getClass().getEnclosingClass() == dev.connecttasks.domain.request.ListRequest.class;
        Map<String, Object> members = filling == Filling.INSTANCE_ONLY || listing ? Map.of("instanceId", INSTANCE) : MEMBERS;
        boolean oneSourceOnly = builder.getClass().getEnclosingClass() == dev.connecttasks.domain.request.StartTaskContactRequest.class;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (oneSourceOnly && (member.getKey().equals("quickConnectId") || member.getKey().equals("taskTemplateId"))) {
                continue; // one flow source only
            }
            try {
                builder.getClass().getMethod(member.getKey(), String.class).invoke(builder, member.getValue());
            } catch (NoSuchMethodException none) {
                // not a member of this request
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Arguments for the method: ids of the service's resources by the operation's name (or the
     * instance for every id, for {@link Filling#INSTANCE_ONLY}), requests filled as {@code filling}
     * says, small collections.
     */
    private static Object[] arguments(Method method, Filling filling) throws ReflectiveOperationException {
        List<Object> args = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == String.class) {
                args.add(filling == Filling.INSTANCE_ONLY ? INSTANCE : id(method.getName(), i));
            } else if (type == List.class) {
                args.add(List.of("k"));
            } else if (type == Map.class) {
                args.add(Map.of("k", "v"));
            } else if (type == Optional.class) {
                args.add(Optional.of(INSTANCE));
            } else if (type == Integer.class || type == int.class) {
                args.add(1);
            } else {
                args.add(request(type, filling));
            }
        }
        return args.toArray();
    }

    /** The id a string parameter of the operation names: the instance first (its ARN for resource tags), then the resource the name says. */
    private static String id(String operation, int position) {
        if (operation.contains("Resource")) {
            return dev.connecttasks.domain.rules.ResourceArns.INSTANCE_ARN_PREFIX + INSTANCE;
        }
        if (position == 0) {
            return INSTANCE;
        }
        if (operation.startsWith("updateQuickConnectConfig")) {
            return List.of(INSTANCE, QUICK_CONNECT, "FLOW", "target", FLOW).get(position);
        }
        if (operation.startsWith("updateContactFlowContent") && position == 2) {
            return "{\"Version\":\"2019-10-30\"}";
        }
        return operation.contains("ContactFlow") ? FLOW : operation.contains("QuickConnect") ? QUICK_CONNECT
                : operation.contains("TaskTemplate") ? TEMPLATE : operation.toLowerCase(java.util.Locale.ROOT).contains("contact") ? TASK
                : "token-" + position;
    }

    /** A request of {@code type}: through its builder, or its record components where it has none. */
    private static Object request(Class<?> type, Filling filling) throws ReflectiveOperationException {
        try {
            Object builder = type.getMethod("builder").invoke(null);
            fill(builder, filling);
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (NoSuchMethodException noBuilder) {
            var components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Object member = filling == Filling.INSTANCE_ONLY ? (i == 0 ? INSTANCE : null) : MEMBERS.get(components[i].getName());
                values[i] = types[i] == Optional.class ? Optional.ofNullable(member) : types[i] == Map.class ? Map.of() : types[i] == List.class
                        ? List.of() : types[i] == String.class ? member : null;
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
    }

    /** What a later call would find: the instances, the resources the test's calls name, the task and its attributes and tags. */
    private static List<String> state(ConnectTasksService service) {
        return List.of(outcome(service::listInstances), outcome(() -> service.describeContactFlow(INSTANCE, FLOW)),
                outcome(() -> service.describeQuickConnect(INSTANCE, QUICK_CONNECT)), outcome(() -> service.getTaskTemplate(INSTANCE, TEMPLATE)),
                outcome(() -> service.describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder().instanceId(INSTANCE)
                        .contactId(TASK).build())),
                outcome(() -> service.getContactAttributes(dev.connecttasks.domain.request.GetContactAttributesRequest.builder()
                        .instanceId(INSTANCE).initialContactId(TASK).build())),
                outcome(() -> service.listTagsForResource(dev.connecttasks.domain.rules.ResourceArns.INSTANCE_ARN_PREFIX + INSTANCE)));
    }

    private static void print(Filling filling, Method method, String answer) {
        if (PRINT) {
            System.out.println(filling + " " + method.getName() + " -> " + (answer.length() > 140 ? answer.substring(0, 140) : answer));
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
