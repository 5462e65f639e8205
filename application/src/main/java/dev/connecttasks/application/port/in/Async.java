package dev.connecttasks.application.port.in;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The async forms run the sync operation on the common pool; failures complete the future exceptionally. */
final class Async {

    private Async() {
    }

    static <T> CompletableFuture<T> call(Supplier<T> operation) {
        return CompletableFuture.supplyAsync(operation);
    }

    static CompletableFuture<Void> run(Runnable operation) {
        return CompletableFuture.runAsync(operation);
    }
}
