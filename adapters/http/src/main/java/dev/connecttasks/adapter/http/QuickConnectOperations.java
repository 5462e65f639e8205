package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.rules.ResourceArns;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;

/**
 * Quick connects of the four types. On the wire the target and flow sit in a configuration named
 * after the type: UserConfig (UserId), QueueConfig (QueueId), PhoneConfig (PhoneNumber), FlowConfig.
 */
final class QuickConnectOperations {

    private final ConnectTasksService service;

    QuickConnectOperations(ConnectTasksService service) {
        this.service = service;
    }

    /** A QuickConnectConfig as type, target and flow, whichever of its four configs it holds. */
    private record Config(String type, String target, String flow) {
    }

    ObjectNode createQuickConnect(WireRequest request) {
        HttpMembers b = request.body();
        Config config = config(b.structure("QuickConnectConfig"));
        QuickConnect created = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(request.label("InstanceId"))
                .name(b.string("Name")).quickConnectType(config.type()).target(config.target()).contactFlowId(config.flow()).build());
        return Wire.object().put("QuickConnectId", created.quickConnectId()).put("QuickConnectARN", arn(created));
    }

    ObjectNode updateQuickConnectConfig(WireRequest request) {
        Config config = config(request.body().structure("QuickConnectConfig"));
        service.updateQuickConnectConfig(request.label("InstanceId"), request.label("QuickConnectId"), config.type(), config.target(),
                config.flow());
        return Wire.object();
    }

    ObjectNode deleteQuickConnect(WireRequest request) {
        service.deleteQuickConnect(request.label("InstanceId"), request.label("QuickConnectId"));
        return Wire.object();
    }

    private static Config config(HttpMembers config) {
        String type = config == null ? null : config.string("QuickConnectType");
        String target = null;
        String flow = null;
        if (config != null) {
            HttpMembers user = config.structure("UserConfig");
            HttpMembers queue = config.structure("QueueConfig");
            HttpMembers phone = config.structure("PhoneConfig");
            HttpMembers flowConfig = config.structure("FlowConfig");
            if (user != null) {
                target = user.string("UserId");
                flow = user.string("ContactFlowId");
            } else if (queue != null) {
                target = queue.string("QueueId");
                flow = queue.string("ContactFlowId");
            } else if (phone != null) {
                target = phone.string("PhoneNumber");
            } else if (flowConfig != null) {
                flow = flowConfig.string("ContactFlowId");
            }
        }
        return new Config(type, target, flow);
    }

    ObjectNode describeQuickConnect(WireRequest request) {
        QuickConnect qc = service.describeQuickConnect(request.label("InstanceId"), request.label("QuickConnectId"));
        ObjectNode config = Wire.object().put("QuickConnectType", qc.type().name());
        ObjectNode detail = Wire.object();
        switch (qc.type()) {
            case USER -> config.set("UserConfig", detail.put("UserId", qc.target().orElse("")));
            case QUEUE -> config.set("QueueConfig", detail.put("QueueId", qc.target().orElse("")));
            case PHONE_NUMBER -> config.set("PhoneConfig", detail.put("PhoneNumber", qc.target().orElse("")));
            case FLOW -> config.set("FlowConfig", detail);
        }
        qc.contactFlowId().ifPresent(flow -> detail.put("ContactFlowId", flow));
        ObjectNode quickConnect = Wire.object().put("QuickConnectARN", arn(qc)).put("QuickConnectId", qc.quickConnectId()).put("Name", qc.name());
        quickConnect.set("QuickConnectConfig", config);
        ObjectNode response = Wire.object();
        response.set("QuickConnect", quickConnect);
        return response;
    }

    ObjectNode listQuickConnects(WireRequest request) {
        return Listings.answer(service.listQuickConnects(Listings.request(request, "QuickConnectTypes").build()), "QuickConnectSummaryList",
                qc -> Wire.object().put("Id", qc.quickConnectId()).put("Arn", arn(qc)).put("Name", qc.name())
                        .put("QuickConnectType", qc.type().name()));
    }

    private static String arn(QuickConnect qc) {
        return Wire.arn(qc.instanceId(), ResourceArns.QUICK_CONNECT_KIND, qc.quickConnectId());
    }
}
