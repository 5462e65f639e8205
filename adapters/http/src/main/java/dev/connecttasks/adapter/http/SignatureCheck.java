package dev.connecttasks.adapter.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, checked against one configured key pair. Any region is accepted (the
 * client chooses it); the service in the credential scope must be {@code connect}. A request that
 * is unsigned, signed with another key or whose signature does not verify is refused before it
 * reaches the service.
 */
final class SignatureCheck {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
    private static final HexFormat HEX = HexFormat.of();

    /** How far X-Amz-Date may be from the server's clock, either way, as the service allows. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final Clock clock;

    SignatureCheck(String accessKey, String secretKey, Clock clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    /** Parses {@code ACCESS_KEY:SECRET_KEY}. */
    static SignatureCheck of(String credentials, Clock clock) {
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw new IllegalArgumentException("credentials must be ACCESS_KEY:SECRET_KEY");
        }
        return new SignatureCheck(credentials.substring(0, colon), credentials.substring(colon + 1), clock);
    }

    /**
     * Refuses the request unless its signature verifies: one Authorization header; the host, the date
     * and the body's hash among the signed headers; X-Amz-Date within {@link #WINDOW} of the server's
     * clock; X-Amz-Content-Sha256 equal to the SHA-256 of the body received (UNSIGNED-PAYLOAD is
     * refused: the body would be unprotected); and the signature over all of it.
     */
    void verify(String method, String rawPath, String rawQuery, RequestHeaders headers, byte[] body) {
        List<String> authorizations = headers.all("Authorization");
        if (authorizations.isEmpty()) {
            throw forbidden("MissingAuthenticationTokenException", "Missing Authentication Token: the request is not signed");
        }
        if (authorizations.size() > 1) {
            throw forbidden("IncompleteSignatureException", "The request has " + authorizations.size() + " Authorization headers; it must have one");
        }
        String authorization = authorizations.get(0);
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw forbidden("IncompleteSignatureException", "The Authorization header is not an AWS Signature Version 4 header");
        }
        if (!m.group(1).equals(accessKey)) {
            throw forbidden("UnrecognizedClientException", "The security token included in the request is invalid");
        }
        String date = m.group(2);
        String region = m.group(3);
        String service = m.group(4);
        if (!service.equals("connect")) {
            throw forbidden("InvalidSignatureException", "Credential should be scoped to correct service: 'connect'");
        }
        String amzDate = single(headers, "X-Amz-Date").orElse("");
        if (!amzDate.startsWith(date)) {
            throw forbidden("IncompleteSignatureException", "X-Amz-Date is missing or does not match the credential's date");
        }
        withinWindow(amzDate);
        String signedHeaders = m.group(5);
        List<String> signed = List.of(signedHeaders.split(";"));
        for (String required : List.of("host", "x-amz-date")) {
            if (!signed.contains(required)) {
                throw forbidden("IncompleteSignatureException", "The signed headers must include " + required + " (SignedHeaders=" + signedHeaders + ")");
            }
        }
        String payloadHash = HEX.formatHex(sha256(body));
        Optional<String> declared = single(headers, "X-Amz-Content-Sha256");
        if (declared.isPresent()) {
            if (!signed.contains("x-amz-content-sha256")) {
                throw forbidden("IncompleteSignatureException", "X-Amz-Content-Sha256 is sent but not signed");
            }
            if (!declared.get().equalsIgnoreCase(payloadHash)) {
                throw forbidden("InvalidSignatureException", declared.get().startsWith("UNSIGNED")
                        ? "UNSIGNED-PAYLOAD is not accepted: sign the body's SHA-256"
                        : "X-Amz-Content-Sha256 does not match the SHA-256 of the body received");
            }
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = headers.all(name);
            if (values.isEmpty()) {
                throw forbidden("IncompleteSignatureException", "The signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(String.join(",", values.stream().map(v -> v.trim().replaceAll("\\s+", " ")).toList()))
                    .append('\n');
        }
        String canonicalRequest = method + "\n" + canonicalUri(rawPath) + "\n" + canonicalQuery(rawQuery) + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(hmac(hmac(hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date), region), service), "aws4_request");
        byte[] expected = hmac(key, stringToSign);
        if (!MessageDigest.isEqual(expected, HEX.parseHex(m.group(6)))) {
            throw forbidden("InvalidSignatureException", "The request signature we calculated does not match the signature you provided");
        }
    }

    /** A header that may appear once at most: a second copy could say something the signature did not cover. */
    private static Optional<String> single(RequestHeaders headers, String name) {
        List<String> values = headers.all(name);
        if (values.size() > 1) {
            throw forbidden("IncompleteSignatureException", "The request has " + values.size() + " " + name + " headers; it must have one");
        }
        return values.stream().findFirst();
    }

    /** A captured request must not replay forever: its date is within the window of the server's clock. */
    private void withinWindow(String amzDate) {
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeException e) {
            throw forbidden("IncompleteSignatureException", "X-Amz-Date '" + amzDate + "' is not of the form yyyyMMddTHHmmssZ");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(WINDOW))) {
            throw forbidden("InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(WINDOW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(WINDOW))) {
            throw forbidden("InvalidSignatureException", "Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(WINDOW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    /** Every segment URI-encoded once more, as the AWS SDKs sign every service but S3. */
    private static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(uriEncode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            sorted.computeIfAbsent(uriEncode(name), k -> new ArrayList<>()).add(uriEncode(value));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> parts.add(name + "=" + value)));
        return String.join("&", parts);
    }

    private static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MalformedRequest forbidden(String type, String message) {
        return new MalformedRequest(403, type, message);
    }
}
