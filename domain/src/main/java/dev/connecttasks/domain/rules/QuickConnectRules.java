package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.ContactFlowRules.missing;
import static dev.connecttasks.domain.rules.Refusals.enumValue;
import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.QuickConnectType;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import java.util.Optional;

/** CreateQuickConnect and DescribeQuickConnect, checks in order; the caller checks the instance after the members. */
public final class QuickConnectRules {

    private QuickConnectRules() {
    }

    /** CreateQuickConnect's members. */
    public static Draft create(CreateQuickConnectRequest r) {
        String instanceId = InstanceRules.instanceId(r.instanceId());                                   // 1
        String name = Refusals.requiredText(r.name(), "Name", 1, 127);                                                // 2
        Config config = config(r.quickConnectType(), r.target(), r.contactFlowId());                     // 3-6
        return new Draft(instanceId, name, config.type(), config.target(), config.contactFlowId());
    }

    /** A QuickConnectConfig: its type, its target and its flow; CreateQuickConnect's and UpdateQuickConnectConfig's steps 3-6. */
    public record Config(QuickConnectType type, Optional<String> target, Optional<String> contactFlowId) {
        public QuickConnect applyTo(QuickConnect quickConnect) {
            return new QuickConnect(quickConnect.instanceId(), quickConnect.quickConnectId(), quickConnect.name(), type, target, contactFlowId);
        }
    }

    public static Config config(Optional<String> quickConnectType, Optional<String> target, Optional<String> contactFlowId) {
        QuickConnectType type = enumValue(quickConnectType.orElseThrow(() -> missing("QuickConnectType")),
                QuickConnectType.class, "QuickConnectType");                                             // 3
        Refusals.optionalText(target, "QuickConnectConfig target", 1, 256);                              // 4
        targetGiven(type, target);                                                                       // 5
        if (type == QuickConnectType.PHONE_NUMBER) {
            noFlowForPhone(contactFlowId);                                                               // 6
            return new Config(type, target, Optional.empty());
        }
        String flowId = required(contactFlowId, "QuickConnectConfig ContactFlowId", 1, 500);             // 6
        return new Config(type, type == QuickConnectType.FLOW ? Optional.empty() : target, Optional.of(flowId));
    }

    /** DescribeQuickConnect's QuickConnectId, checked after the instance. */
    public static String quickConnectId(Optional<String> quickConnectId) {
        return required(quickConnectId, "QuickConnectId", 1, 500);
    }

    public static ResourceNotFoundException notFound(String quickConnectId) {
        return new ResourceNotFoundException(Reason.QUICK_CONNECT, "QuickConnectId " + quickConnectId + " was not found in this instance");
    }

    private static void targetGiven(QuickConnectType type, Optional<String> target) {
        if (type != QuickConnectType.FLOW && target.isEmpty()) {
            throw missing("QuickConnectConfig " + (type == QuickConnectType.USER ? "UserId" : type == QuickConnectType.QUEUE ? "QueueId" : "PhoneNumber"));
        }
    }

    private static void noFlowForPhone(Optional<String> contactFlowId) {
        if (contactFlowId.isPresent()) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "PhoneConfig has no ContactFlowId");
        }
    }

    /** A quick connect the rules accepted, waiting for its id. */
    public record Draft(String instanceId, String name, QuickConnectType type, Optional<String> target, Optional<String> contactFlowId) {
        public QuickConnect withId(String quickConnectId) {
            return new QuickConnect(instanceId, quickConnectId, name, type, target, contactFlowId);
        }
    }
}
