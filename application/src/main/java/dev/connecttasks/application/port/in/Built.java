package dev.connecttasks.application.port.in;

import java.util.Objects;
import java.util.function.Consumer;

/** The consumer-builder overloads' one step: a request's builder handed to the caller's consumer. */
final class Built {

    private Built() {
    }

    static <B> B by(B builder, Consumer<B> request) {
        Objects.requireNonNull(request, "request must not be null");
        request.accept(builder);
        return builder;
    }
}
