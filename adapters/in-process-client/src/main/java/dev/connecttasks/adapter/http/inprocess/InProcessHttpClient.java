package dev.connecttasks.adapter.http.inprocess;

import dev.connecttasks.adapter.http.HttpWireExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/** The SDK's HTTP client, answered by the wire exchange in the calling thread. */
final class InProcessHttpClient implements SdkHttpClient {

    private final HttpWireExchange exchange;

    InProcessHttpClient(HttpWireExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body;
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        body = in.readAllBytes();
                    }
                } else {
                    body = new byte[0];
                }
                HttpWireExchange.Reply reply = answer(exchange, request.httpRequest(), body);
                return HttpExecuteResponse.builder().response(response(reply))
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(reply.body()))).build();
            }

            @Override
            public void abort() {
                // answered in the calling thread: there is nothing under way to abort
            }
        };
    }

    static HttpWireExchange.Reply answer(HttpWireExchange exchange, SdkHttpRequest http, byte[] body) {
        return exchange.answer(http.method().name(), http.encodedPath().isEmpty() ? "/" : http.encodedPath(),
                http.encodedQueryParameters().orElse(null), body);
    }

    static SdkHttpResponse response(HttpWireExchange.Reply reply) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(reply.status());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.putHeader(header.getKey(), List.of(header.getValue()));
        }
        return response.build();
    }

    @Override
    public String clientName() {
        return "connect-tasks-in-process";
    }

    @Override
    public void close() {
    }
}
