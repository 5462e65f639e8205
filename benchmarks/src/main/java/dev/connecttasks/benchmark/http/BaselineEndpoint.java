package dev.connecttasks.benchmark.http;

import dev.connecttasks.adapter.http.HttpMembers;
import java.util.Map;

/**
 * The HTTP harness's baseline: the same server stack and the same reading of a StartTaskContact
 * body, member by member, but no service behind it: a fixed id comes back.
 */
final class BaselineEndpoint {

    static final String METHOD = "PUT";
    static final String PATH = "/benchmark/baseline";
    static final String NAME = "Baseline";

    private BaselineEndpoint() {
    }

    static Map<String, String> handle(HttpMembers b) {
        int read = 0;
        for (String member : new String[] {"InstanceId", "PreviousContactId", "ContactFlowId", "Name", "Description", "ClientToken",
                "TaskTemplateId", "QuickConnectId", "RelatedContactId"}) {
            read += b.string(member) == null ? 0 : 1;
        }
        read += b.stringMap("Attributes") == null ? 0 : 1;
        read += b.timestamp("ScheduledTime") == null ? 0 : 1;
        return Map.of("ContactId", "00000000-0000-0000-0000-00000000000" + Math.min(read, 9));
    }
}
