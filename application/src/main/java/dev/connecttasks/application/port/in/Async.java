package dev.connecttasks.application.port.in;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The async forms run the sync operation on the service's executor; failures complete the future
 * exceptionally. The default executor is a pool of this library's own daemon threads, never the
 * common pool: a JDBC store blocks, and blocked common-pool threads stall every other user of it.
 */
final class Async {

    /** Threads made as calls need them and kept a minute idle, named so that a thread dump tells them apart. */
    static final Executor SHARED = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "connect-tasks-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private Async() {
    }

    static <T> CompletableFuture<T> call(Executor executor, Supplier<T> operation) {
        return CompletableFuture.supplyAsync(operation, executor);
    }

    static CompletableFuture<Void> run(Executor executor, Runnable operation) {
        return CompletableFuture.runAsync(operation, executor);
    }
}
