package dev.connecttasks.junit;

import dev.connecttasks.adapter.http.inprocess.InProcessConnect;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * Hands each test a fresh service and what drives it, as parameters of the test method, its
 * {@code @BeforeEach} methods or (per-class lifecycle) its constructor: {@link ConnectTasksService},
 * {@link MutableClock}, {@link SequentialIds}, and the AWS SDK's {@link ConnectClient} /
 * {@link ConnectAsyncClient} over that same service, in-process. One test's parameters all share
 * one service; the next test gets a new one. By default the service is in memory with the
 * service's limits, throttling off, the clock at {@value #DEFAULT_START} and ids {@code id-1},
 * {@code id-2}, ...
 *
 * <pre>{@code
 * @ExtendWith(ConnectTasksExtension.class)
 * class MyTest {
 *     @Test
 *     void expiresAfterAWeek(ConnectClient connect, MutableClock clock) { ... }
 * }
 * }</pre>
 *
 * Other choices through {@code @RegisterExtension static ConnectTasksExtension connect =
 * ConnectTasksExtension.inMemory().startingAt(...).policy(...)}, or {@link #withService} for any
 * store (a JDBC one, say). The clients and the service are closed after the test.
 */
public final class ConnectTasksExtension implements ParameterResolver {

    public static final String DEFAULT_START = "2026-01-01T00:00:00Z";
    public static final String DEFAULT_ID_PREFIX = "id";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConnectTasksExtension.class);
    private static final List<Class<?>> SUPPLIED = List.of(ConnectTasksService.class, MutableClock.class, SequentialIds.class,
            ConnectClient.class, ConnectAsyncClient.class);

    private final ServiceSettings settings;

    /** Makes the service of one test from its clock, its ids and the policy. */
    @FunctionalInterface
    public interface ServiceFactory {
        ConnectTasksService create(Clock clock, IdSource ids, TaskPolicy policy);
    }

    /** The defaults: what {@code @ExtendWith(ConnectTasksExtension.class)} uses. */
    public ConnectTasksExtension() {
        this(ServiceSettings.defaults());
    }

    private ConnectTasksExtension(ServiceSettings settings) {
        this.settings = settings;
    }

    public static ConnectTasksExtension inMemory() {
        return new ConnectTasksExtension();
    }

    /** Each test's service from {@code factory} (given the test's clock, ids and policy) instead of an in-memory one. */
    public static ConnectTasksExtension withService(ServiceFactory factory) {
        return new ConnectTasksExtension(ServiceSettings.defaults().factory(factory));
    }

    /** Where each test's clock starts. */
    public ConnectTasksExtension startingAt(Instant instant) {
        return new ConnectTasksExtension(settings.startingAt(instant));
    }

    /** Ids {@code prefix-1}, {@code prefix-2}, ... */
    public ConnectTasksExtension idPrefix(String prefix) {
        return new ConnectTasksExtension(settings.idPrefix(prefix));
    }

    /** The limits (throttling off by default; {@code TaskPolicy.defaults()} turns it back on). */
    public ConnectTasksExtension policy(TaskPolicy value) {
        return new ConnectTasksExtension(settings.policy(value));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPLIED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestService service = context.getStore(NAMESPACE).getOrComputeIfAbsent(TestService.class, type -> open(), TestService.class);
        return service.get(parameter.getParameter().getType());
    }

    private TestService open() {
        return new TestService(settings.open());
    }

    /** One test's service and what drives it; JUnit closes it (an AutoCloseable in the store) when the test's context ends. */
    private static final class TestService implements AutoCloseable {
        private final ServiceSettings.Opened opened;
        private final LazyClients clients;

        TestService(ServiceSettings.Opened opened) {
            this.opened = opened;
            this.clients = new LazyClients(() -> InProcessConnect.client(opened.service()), () -> InProcessConnect.asyncClient(opened.service()));
        }

        Object get(Class<?> type) {
            if (type == MutableClock.class) {
                return opened.clock();
            }
            if (type == SequentialIds.class) {
                return opened.ids();
            }
            if (type == ConnectClient.class) {
                return clients.client();
            }
            if (type == ConnectAsyncClient.class) {
                return clients.asyncClient();
            }
            return opened.service();
        }

        @Override
        public void close() throws Exception {
            clients.close();
            opened.close();
        }
    }
}
