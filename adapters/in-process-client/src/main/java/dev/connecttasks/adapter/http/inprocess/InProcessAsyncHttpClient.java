package dev.connecttasks.adapter.http.inprocess;

import dev.connecttasks.adapter.http.HttpWireExchange;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/** The SDK's asynchronous HTTP client: the request body collected, answered on the executor, the answer handed back as one buffer. */
final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {

    private final HttpWireExchange exchange;
    private final Executor executor;

    InProcessAsyncHttpClient(HttpWireExchange exchange, Executor executor) {
        this.exchange = exchange;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        collected(request.requestContentPublisher())
                .thenApplyAsync(body -> InProcessHttpClient.answer(exchange, request.request(), body), executor)
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        handler.onError(failure);
                        done.completeExceptionally(failure);
                        return;
                    }
                    handler.onHeaders(InProcessHttpClient.response(reply));
                    handler.onStream(new OneBuffer(ByteBuffer.wrap(reply.body()), done));
                });
        return done;
    }

    private static CompletableFuture<byte[]> collected(Publisher<ByteBuffer> body) {
        CompletableFuture<byte[]> collected = new CompletableFuture<>();
        if (body == null) {
            collected.complete(new byte[0]);
            return collected;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable failure) {
                collected.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                collected.complete(bytes.toByteArray());
            }
        });
        return collected;
    }

    /** The answer's body as a stream of one buffer; the call is done once it has been delivered. */
    private static final class OneBuffer implements Publisher<ByteBuffer> {
        private final ByteBuffer body;
        private final CompletableFuture<Void> done;

        OneBuffer(ByteBuffer body, CompletableFuture<Void> done) {
            this.body = body;
            this.done = done;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            AtomicBoolean sent = new AtomicBoolean();
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    if (n <= 0) {
                        subscriber.onError(new IllegalArgumentException("request(" + n + "): reactive streams rule 3.9"));
                        return;
                    }
                    if (sent.compareAndSet(false, true)) {
                        subscriber.onNext(body);
                        subscriber.onComplete();
                        done.complete(null);
                    }
                }

                @Override
                public void cancel() {
                    done.complete(null);
                }
            });
        }
    }

    @Override
    public String clientName() {
        return "connect-tasks-in-process";
    }

    @Override
    public void close() {
    }
}
