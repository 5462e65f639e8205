package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags of instances, flows, quick connects, templates and contacts through the service on a store. Every store runs it. */
public abstract class TaggingContract {

    /** A service on an empty store of the adapter under test. */
    protected abstract ConnectTasksService service(TaskPolicy policy, Clock clock);

    private ConnectTasksService service;
    private String instance;
    private String flow;

    @BeforeEach
    void open() {
        service = service(TaskPolicy.defaults().withThrottling(false), Clock.systemUTC());
        instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("tags").build()).instanceId();
        flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .tags(Map.of("team", "billing")).build()).contactFlowId();
    }

    private String arn(String rest) {
        return ResourceArns.INSTANCE_ARN_PREFIX + instance + rest;
    }

    @Test
    void everyTaggableResourceKeepsItsTagsByArnAddedMergedAndRemoved() {
        String quickConnect = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("q")
                .quickConnectType("FLOW").contactFlowId(flow).build()).quickConnectId();
        String template = service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name("t").build()).taskTemplateId();
        assertThat(service.listTagsForResource(arn("/contact-flow/" + flow))).as("CreateContactFlow's Tags").isEqualTo(Map.of("team", "billing"));
        for (String resource : List.of("", "/contact-flow/" + flow, "/transfer-destination/" + quickConnect, "/task-template/" + template)) {
            service.tagResource(arn(resource), Map.of("env", "test", "owner", "me 😀"));
            service.tagResource(arn(resource), Map.of("env", "prod"));
            service.untagResource(arn(resource), List.of("owner", "never-set"));
            Map<String, String> expected = new HashMap<>(Map.of("env", "prod"));
            if (resource.startsWith("/contact-flow/")) {
                expected.put("team", "billing");
            }
            assertThat(service.listTagsForResource(arn(resource))).as(resource).isEqualTo(expected);
        }
        assertThat(service.describeContactFlow(instance, flow).tags()).isEqualTo(Map.of("team", "billing", "env", "prod"));
        service.deleteContactFlow(instance, flow);
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, () -> service.listTagsForResource(arn("/contact-flow/" + flow)));
    }

    @Test
    void aContactKeepsUpToSixTagsAndRefusalsChangeNothing() {
        String contact = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t").build())
                .contactId();
        service.tagContact(instance, contact, Map.of("cost-centre", "42", "env", "test"));
        service.untagContact(instance, contact, List.of("env"));
        assertThat(service.contactTags(instance, contact)).isEqualTo(Map.of("cost-centre", "42"));
        assertThat(service.describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder().instanceId(instance)
                .contactId(contact).build()).tags()).as("DescribeContact shows them").isEqualTo(Map.of("cost-centre", "42"));
        Map<String, String> six = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            six.put("k" + i, "v");
        }
        assertRefused(InvalidParameterException.class, Reason.INVALID_TAG, () -> service.tagContact(instance, contact, six));
        assertRefused(InvalidParameterException.class, Reason.INVALID_TAG, () -> service.tagContact(instance, contact, Map.of("aws:x", "v")));
        assertRefused(InvalidParameterException.class, Reason.INVALID_TAG, () -> service.tagContact(instance, contact, Map.of("é", "v")));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, () -> service.tagContact(instance, contact, Map.of()));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, () -> service.untagContact(instance, contact, List.of()));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT, () -> service.tagContact(instance, "nope", Map.of("k", "v")));
        assertThat(service.contactTags(instance, contact)).as("refused, unchanged").isEqualTo(Map.of("cost-centre", "42"));

        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        service.tagResource(arn(""), fifty);
        assertRefused(InvalidParameterException.class, Reason.INVALID_TAG, () -> service.tagResource(arn(""), Map.of("one-more", "v")));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, () -> service.tagResource(arn(""), Map.of()));
        for (String unknown : List.of("arn:aws:connect:eu-west-1:000000000000:instance/" + instance, arn("/queue/q"), arn("/contact-flow/"),
                arn("/contact-flow/a/b"), "not an arn")) {
            assertRefused(ResourceNotFoundException.class, Reason.RESOURCE, () -> service.listTagsForResource(unknown));
        }
        assertRefused(ResourceNotFoundException.class, Reason.INSTANCE, () -> service.listTagsForResource(ResourceArns.INSTANCE_ARN_PREFIX + "nope"));
        assertRefused(ResourceNotFoundException.class, Reason.TASK_TEMPLATE, () -> service.tagResource(arn("/task-template/nope"), Map.of("k", "v")));
    }

    @Test
    void concurrentTagChangesOfOneResourceLoseNone() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    service.tagResource(arn("/contact-flow/" + flow), Map.of("t" + thread + "-" + i, "v"));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        assertThat(service.listTagsForResource(arn("/contact-flow/" + flow))).hasSize(41);
    }

    private static <E extends ConnectException> void assertRefused(Class<E> type, Reason reason, Runnable call) {
        E refused = catchThrowableOfType(type, call::run);
        assertThat(refused).as("%s %s", type.getSimpleName(), reason).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
    }
}
