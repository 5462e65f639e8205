package dev.connecttasks.sdkconformance;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of a conformance run: the endpoint, its region, and optionally an existing
 * instance and flow (for accounts where creating instances is not wanted) and the keys to sign with
 * (by default the AWS SDK's default credential chain).
 */
record ConformanceOptions(URI endpoint, String region, Optional<String> instanceId, Optional<String> contactFlowId,
                          Optional<String> accessKey, Optional<String> secretKey, Optional<java.nio.file.Path> report) {

    static final String USAGE = """
            connect-tasks conformance run: the shared AWS SDK suite against any Amazon Connect endpoint.
              --endpoint URL          the endpoint (https://connect.us-east-1.amazonaws.com, http://127.0.0.1:8080)
              --region REGION         the region to sign for (default us-east-1)
              --instance-id ID        an existing instance to run in (default: one made per case, deleted after it)
              --contact-flow-id ID    an existing CONTACT_FLOW of that instance (default: one made per case)
              --access-key KEY        sign with these keys (default: the AWS SDK's default credential chain)
              --secret-key SECRET
              --report FILE           also write the report to FILE
            Exit status: 0 when no case differed, 1 when one did, 2 for a bad command line.""";

    static ConformanceOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.startsWith("--") || !java.util.Set.of("--endpoint", "--region", "--instance-id", "--contact-flow-id", "--access-key",
                    "--secret-key", "--report").contains(flag)) {
                throw new IllegalArgumentException("unknown flag " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            given.put(flag, args[++i]);
        }
        String endpoint = given.get("--endpoint");
        if (endpoint == null) {
            throw new IllegalArgumentException("--endpoint is required");
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint must be a URL, not '" + endpoint + "'");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("--endpoint must be an http or https URL with a host, not '" + endpoint + "'");
        }
        if (given.containsKey("--contact-flow-id") && !given.containsKey("--instance-id")) {
            throw new IllegalArgumentException("--contact-flow-id needs the --instance-id it belongs to");
        }
        if (given.containsKey("--access-key") != given.containsKey("--secret-key")) {
            throw new IllegalArgumentException("--access-key and --secret-key go together");
        }
        return new ConformanceOptions(uri, given.getOrDefault("--region", "us-east-1"), Optional.ofNullable(given.get("--instance-id")),
                Optional.ofNullable(given.get("--contact-flow-id")), Optional.ofNullable(given.get("--access-key")),
                Optional.ofNullable(given.get("--secret-key")), Optional.ofNullable(given.get("--report")).map(java.nio.file.Path::of));
    }

    /** The system properties the suite's fixture reads. */
    Map<String, String> suiteProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("connect.tasks.sdk.transport", "endpoint");
        properties.put("connect.tasks.sdk.endpoint", endpoint.toString());
        properties.put("connect.tasks.sdk.region", region);
        instanceId.ifPresent(id -> properties.put("connect.tasks.sdk.instance", id));
        contactFlowId.ifPresent(id -> properties.put("connect.tasks.sdk.flow", id));
        accessKey.ifPresent(key -> properties.put("connect.tasks.sdk.access-key", key));
        secretKey.ifPresent(key -> properties.put("connect.tasks.sdk.secret-key", key));
        return properties;
    }
}
