package dev.connecttasks.adapter.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SigV4 for raw requests whose every part a test chooses (only the JDK's SHA-256 and HMAC calls are
 * shared with the server's check; the canonical request is built here on its own): the signed headers, the date, the body
 * signed and the body sent. Correct when the server accepts what it signs with the defaults
 * (SignatureTest checks that first), so each attack differs from a valid request in one part only.
 */
final class RawSigner {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final String accessKey;
    private final String secretKey;

    RawSigner(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** A PUT of {@code body} to {@code endpoint + path}, signed at {@code at} over {@code signedHeaders} (lower case, sorted). */
    HttpRequest.Builder put(String endpoint, String path, String body, Instant at, List<String> signedHeaders, boolean sendBodyHash) {
        URI uri = URI.create(endpoint + path);
        String amzDate = AMZ_DATE.format(at);
        String date = amzDate.substring(0, 8);
        String bodyHash = hex(sha256(body.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", uri.getHost() + ":" + uri.getPort());
        headers.put("x-amz-date", amzDate);
        if (sendBodyHash) {
            headers.put("x-amz-content-sha256", bodyHash);
        }
        headers.put("content-type", "application/json");
        TreeMap<String, String> canonical = new TreeMap<>();
        for (String name : signedHeaders) {
            canonical.put(name, headers.get(name));
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        canonical.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String signed = String.join(";", canonical.keySet());
        String canonicalRequest = "PUT\n" + path + "\n\n" + canonicalHeaders + "\n" + signed + "\n" + bodyHash;
        String scope = date + "/us-east-1/connect/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(hmac(hmac(hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date), "us-east-1"), "connect"), "aws4_request");
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signed + ", Signature="
                + hex(hmac(key, toSign));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", authorization).header("X-Amz-Date", amzDate)
                .header("Content-Type", "application/json");
        if (sendBodyHash) {
            request.header("X-Amz-Content-Sha256", bodyHash);
        }
        return request;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(byte[] data) {
        return SignatureCheck.sha256(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        return SignatureCheck.hmac(key, data);
    }
}
