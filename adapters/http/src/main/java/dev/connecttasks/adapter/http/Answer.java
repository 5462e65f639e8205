package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response as the protocol sends it: the status, the {@code X-Amzn-ErrorType} header for errors, a
 * JSON body ({@code {"Message": ..., "ReasonCode": ...}} for errors) and the request id. {@code close} ends the
 * connection after it, for requests whose body was not read to its end.
 */
record Answer(int status, String errorType, ObjectNode body, boolean close) {

    static Answer ok(ObjectNode body) {
        return new Answer(200, null, body, false);
    }

    static Answer error(int status, String errorType, String message) {
        return new Answer(status, errorType, Wire.object().put("Message", message == null ? "" : message), false);
    }

    /**
     * A refusal with its reason code, as Java callers see it ({@code behaviour.md}). Not under
     * {@code Reason}: two of the model's error shapes have a member of that name typed as a structure,
     * which a string there would break in the SDKs' parsers.
     */
    static Answer refusal(int status, String errorType, String message, String reasonCode) {
        Answer answer = error(status, errorType, message);
        answer.body().put("ReasonCode", reasonCode);
        return answer;
    }

    Answer closing() {
        return new Answer(status, errorType, body, true);
    }

    static void send(Response response, Callback callback, UUID requestId, Answer answer) {
        byte[] bytes;
        try {
            bytes = answer.bytes();
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers(requestId, bytes.length).forEach(headers::put);
        if (answer.close()) {
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    byte[] bytes() throws JsonProcessingException {
        return Wire.JSON.writeValueAsBytes(body);
    }

    /** The headers every answer carries: its type and length, the request id, and for an error its type. */
    java.util.Map<String, String> headers(UUID requestId, int length) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(HttpHeader.CONTENT_TYPE.asString(), "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH.asString(), Integer.toString(length));
        headers.put("x-amzn-RequestId", requestId.toString());
        if (errorType != null) {
            headers.put("X-Amzn-ErrorType", errorType);
        }
        return headers;
    }
}
