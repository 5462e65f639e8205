package dev.connecttasks.adapter.http.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.adapter.http.HttpConnectServer;
import dev.connecttasks.adapter.http.SdkClients;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** The in-process clients: no server, and every answer, refusals included, as the wire gives it. */
class InProcessConnectTest {

    private static ConnectTasksService service() {
        return ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
    }

    private static String instance(ConnectClient connect) {
        return connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true).outboundCallsEnabled(true))
                .id();
    }

    @Test
    void aRefusalReadsTheSameInProcessAsOverTheWireClassStatusCodeAndMessage() throws Exception {
        AwsServiceException inProcess;
        try (ConnectClient connect = InProcessConnect.client(service())) {
            inProcess = refusal(connect);
        }
        AwsServiceException overTheWire;
        HttpConnectServer server = HttpConnectServer.start(service(), new InetSocketAddress("127.0.0.1", 0));
        try (ConnectClient connect = SdkClients.connect(server.endpoint())) {
            overTheWire = refusal(connect);
        } finally {
            server.close();
        }
        assertThat(inProcess).isExactlyInstanceOf(overTheWire.getClass()).isInstanceOf(ResourceNotFoundException.class);
        assertThat(inProcess.statusCode()).isEqualTo(overTheWire.statusCode()).isEqualTo(404);
        assertThat(inProcess.awsErrorDetails().errorCode()).isEqualTo(overTheWire.awsErrorDetails().errorCode());
        assertThat(inProcess.awsErrorDetails().errorMessage()).isEqualTo(overTheWire.awsErrorDetails().errorMessage())
                .contains("ContactFlowId");
        assertThat(inProcess.awsErrorDetails().rawResponse().asUtf8String()).contains("\"ReasonCode\":\"CONTACT_FLOW\"");
        assertThat(inProcess.requestId()).as("a request id, as the server sends").isNotBlank();
    }

    /** A start naming a flow the instance does not have. */
    private static AwsServiceException refusal(ConnectClient connect) {
        String instance = instance(connect);
        return catchThrowableOfType(AwsServiceException.class, () -> connect.startTaskContact(r -> r.instanceId(instance)
                .contactFlowId("no-such-flow").name("t")));
    }

    @Test
    void theAsyncClientOnItsOwnThreadsAnswersLikeTheSyncOne() {
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
        try (ConnectClient sync = InProcessConnect.client(service); ConnectAsyncClient async = InProcessConnect.asyncClient(service)) {
            String made = instance(sync);
            assertThat(async.describeInstance(r -> r.instanceId(made)).join().instance().id()).isEqualTo(made);
            assertThat(async.listInstances(r -> { }).join().instanceSummaryList()).extracting(i -> i.id()).containsExactly(made);
        }
    }

    @Test
    void theBuilderSettingsGivenReachBothClients() {
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        software.amazon.awssdk.core.interceptor.ExecutionInterceptor recording = new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                seen.add(context.request().getClass().getSimpleName());
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ConnectClient sync = InProcessConnect.client(service, b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(recording)));
             ConnectAsyncClient async = InProcessConnect.asyncClient(service, executor,
                     b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(recording)))) {
            sync.listInstances(r -> { });
            async.listInstances(r -> { }).join();
        } finally {
            executor.shutdownNow();
        }
        assertThat(seen).containsExactly("ListInstancesRequest", "ListInstancesRequest");
    }

    @Test
    void anOperationTheServiceDoesNotServeFailsClearly() {
        try (ConnectClient connect = InProcessConnect.client(service())) {
            String instance = instance(connect);
            AwsServiceException unknown = catchThrowableOfType(AwsServiceException.class, () -> connect.listUsers(r -> r.instanceId(instance)));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        }
    }

    @Test
    void theAsyncClientRunsOnTheExecutorItIsGivenAndFailsItsFuturesWithTheWiresExceptions() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "users-own-thread"));
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConnectTasksService service = service();
        ConnectTasksService watched = (ConnectTasksService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConnectTasksService.class}, (proxy, method, args) -> {
                    threads.add(Thread.currentThread().getName());
                    try {
                        return method.invoke(service, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (ConnectAsyncClient connect = InProcessConnect.asyncClient(watched, executor, builder -> { })) {
            String instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true)
                    .outboundCallsEnabled(true)).get(10, TimeUnit.SECONDS).id();
            String flow = connect.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}"))
                    .get(10, TimeUnit.SECONDS).contactFlowId();
            String task = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t")).get(10, TimeUnit.SECONDS)
                    .contactId();
            assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).get(10, TimeUnit.SECONDS).contact().id())
                    .isEqualTo(task);
            CompletionException failed = catchThrowableOfType(CompletionException.class, () -> connect.describeContact(r -> r
                    .instanceId(instance).contactId("no-such-contact")).join());
            assertThat(failed.getCause()).isInstanceOf(ResourceNotFoundException.class);
            assertThat(((AwsServiceException) failed.getCause()).statusCode()).isEqualTo(404);
        } finally {
            executor.shutdownNow();
        }
        assertThat(threads).isNotEmpty().allMatch("users-own-thread"::equals);
    }

    @Test
    void theSdkSuiteOfTheWireAdapterRunsHereInProcess() {
        // the property the suite's fixture reads: set by this module's build, so the suite it scans runs without a server
        assertThat(System.getProperty("connect.tasks.sdk.transport")).isEqualTo("in-process");
    }
}
