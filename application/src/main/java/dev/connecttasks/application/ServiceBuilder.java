package dev.connecttasks.application;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.service.ComposedService;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * The one way a service is assembled over out-ports: a clock, an id source and a policy on the
 * stores an adapter module supplies, which also supplies the default clock and ids. The in-memory and JDBC
 * factories extend it with their own options; {@link #over} builds one on any stores.
 *
 * @param <S> the concrete builder, so that the options chain
 */
public abstract class ServiceBuilder<S extends ServiceBuilder<S>> {

    private Clock clock;
    private IdSource ids;
    private TaskPolicy policy = TaskPolicy.defaults();
    private java.util.concurrent.Executor asyncExecutor;

    /**
     * @param defaultClock the clock used unless {@link #clock} is called (the application reads no clock of its own)
     * @param defaultIds the ids used unless {@link #ids} is called; an adapter picks what suits its store
     */
    protected ServiceBuilder(Clock defaultClock, IdSource defaultIds) {
        this.clock = Objects.requireNonNull(defaultClock, "defaultClock");
        this.ids = Objects.requireNonNull(defaultIds, "defaultIds");
    }

    /** A builder over stores of your own (each port contract in the testkit says what they must do), with its clock and ids. */
    public static Over over(StorePorts stores, Clock clock, IdSource ids) {
        return new Over(stores, clock, ids);
    }

    /** Where time comes from: every rule that reads time reads this clock. */
    public final S clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /** Where new ids come from; they must never repeat. */
    public final S ids(IdSource value) {
        this.ids = Objects.requireNonNull(value, "ids");
        return self();
    }

    /** The limits; {@link TaskPolicy#defaults()} are the service's published ones. */
    public final S policy(TaskPolicy value) {
        this.policy = Objects.requireNonNull(value, "policy");
        return self();
    }

    /**
     * Where the {@code CompletableFuture} forms ({@code startTaskContactAsync}, ...) run. By default a
     * pool of the library's own daemon threads, never the common pool: a JDBC store blocks.
     */
    public final S asyncExecutor(java.util.concurrent.Executor value) {
        this.asyncExecutor = Objects.requireNonNull(value, "asyncExecutor");
        return self();
    }

    /** The service over {@code stores} with the options set so far. */
    protected final ConnectTasksService buildOver(StorePorts stores) {
        return ComposedService.of(stores, ids, clock, policy, asyncExecutor);
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** A builder bound to stores given up front. */
    public static final class Over extends ServiceBuilder<Over> {
        private final StorePorts stores;

        private Over(StorePorts stores, Clock clock, IdSource ids) {
            super(clock, ids);
            this.stores = Objects.requireNonNull(stores, "stores");
        }

        public ConnectTasksService build() {
            return buildOver(stores);
        }
    }
}
