package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.TestControls;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test controls under {@code /_connect-tasks/}: reset, the clock and a seeded inbound contact.
 * Not Amazon Connect operations; served only when the server is given {@link TestControls}. Their
 * bodies take no member besides their own, so a misspelt one is a 400, never ignored.
 */
final class TestControlOperations {

    static final String PREFIX = "/_connect-tasks";

    private final TestControls controls;

    TestControlOperations(TestControls controls) {
        this.controls = controls;
    }

    void addTo(Router router) {
        router.add("POST", PREFIX + "/reset", "TestControlsReset", this::reset)
                .add("GET", PREFIX + "/clock", "TestControlsClock", request -> now(controls.now()))
                .add("POST", PREFIX + "/clock", "TestControlsClock", this::clock)
                .add("POST", PREFIX + "/contacts", "TestControlsContact", this::contact);
    }

    private ObjectNode reset(WireRequest request) {
        request.body().onlyMembers("Reset", Set.of("InstanceId"));
        controls.reset(Optional.ofNullable(request.body().string("InstanceId")));
        return Wire.object();
    }

    /** {@code {"Now": s}} sets the clock, {@code {"AdvanceSeconds": n}} moves it on, {@code {}} reads it. */
    private ObjectNode clock(WireRequest request) {
        HttpMembers body = request.body();
        body.onlyMembers("Clock", Set.of("Now", "AdvanceSeconds"));
        Instant to = body.timestamp("Now");
        Duration by = seconds(body);
        if (to != null && by != null) {
            throw MalformedRequest.serialization("Clock takes Now or AdvanceSeconds, not both");
        }
        if (to != null) {
            return now(controls.setNow(to, "Now"));
        }
        if (by != null) {
            return now(controls.advance(by, "AdvanceSeconds"));
        }
        return now(controls.now());
    }

    /** Whole or fractional seconds, as a JSON number. */
    private static Duration seconds(HttpMembers body) {
        Instant asInstant = body.timestamp("AdvanceSeconds");
        return asInstant == null ? null : Duration.between(Instant.EPOCH, asInstant);
    }

    private ObjectNode contact(WireRequest request) {
        HttpMembers body = request.body();
        body.onlyMembers("Contact", Set.of("InstanceId", "Channel", "Attributes"));
        Map<String, String> attributes = body.stringMap("Attributes");
        String contactId = controls.startInboundContact(Optional.ofNullable(body.string("InstanceId")),
                Optional.ofNullable(body.string("Channel")), attributes == null ? Map.of() : attributes);
        return Wire.object().put("ContactId", contactId);
    }

    private static ObjectNode now(Instant now) {
        ObjectNode answer = Wire.object();
        Wire.putTimestamp(answer, "Now", now);
        return answer;
    }
}
