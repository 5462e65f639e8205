package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A request body as a JSON object: strict UTF-8, no duplicate members, and a bounded tree. */
final class JsonBodies {

    /**
     * The most JSON tokens a body may hold. The largest valid request (32,768 bytes of attributes in
     * one-character keys, references, template fields) needs some tens of thousands; a 1 MiB body of
     * empty objects would otherwise build a tree of 350,000 nodes per request.
     */
    static final long MAX_TOKENS = 100_000;
    static final int MAX_NESTING = 32;
    private static final ObjectMapper STRICT_JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).maxNestingDepth(MAX_NESTING).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {
    }

    static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return Wire.object();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw MalformedRequest.serialization("The request body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = STRICT_JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw MalformedRequest.serialization("The request body is larger than a request can be: more than " + MAX_TOKENS
                    + " JSON tokens or " + MAX_NESTING + " levels of nesting");
        } catch (JsonProcessingException e) {
            throw MalformedRequest.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return Wire.object();
        }
        if (!node.isObject()) {
            throw MalformedRequest.serialization("The request body must be a JSON object, not " + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }
}
