package dev.connecttasks.adapter.http;

import java.util.Objects;

/**
 * What {@code GET /health} answers: 200 when the store answers, 503 when it does not, with the
 * store's name either way. A load balancer or a test fixture polls it; it needs no signature.
 */
public record HttpHealth(boolean up, String store, String detail) {

    public HttpHealth {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(detail, "detail");
    }

    public static HttpHealth up(String store) {
        return new HttpHealth(true, store, "the store answers");
    }

    public static HttpHealth down(String store, String detail) {
        return new HttpHealth(false, store, detail);
    }
}
