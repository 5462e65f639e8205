package dev.connecttasks.conformance;

import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.InvalidParameterException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.testkit.support.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The async forms, the set-up reads, and member checks of the operations beside StartTaskContact. */
class ServiceSurfaceTest {

    private static final Outcome MISSING = Outcome.error(InvalidParameterException.class, Reason.MISSING_PARAMETER);

    @Test
    void asyncFormsGiveTheSyncResultsAndFailWithTheSameException() throws Exception {
        World w = World.defaults();
        String id = w.service.startTaskContactAsync(w.task().scheduledTime(w.clock.instant().plusSeconds(60)).build()).get().contactId();
        w.track(id);
        assertThat(w.service.describeContactAsync(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build()).get()
                .contact().contactId()).isEqualTo(id);
        w.service.updateContactAttributesAsync(UpdateContactAttributesRequest.builder().instanceId(w.instance).initialContactId(id)
                .attributes(Map.of("a", "1")).build()).get();
        assertThat(w.service.getContactAttributesAsync(GetContactAttributesRequest.builder().instanceId(w.instance).initialContactId(id).build())
                .get().attributes()).isEqualTo(Map.of("a", "1"));
        w.service.updateContactScheduleAsync(UpdateContactScheduleRequest.builder().instanceId(w.instance).contactId(id)
                .scheduledTime(w.clock.instant().plus(Duration.ofHours(1))).build()).get();
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build()).contact().rescheduleCount())
                .isEqualTo(1);
        w.service.stopContactAsync(StopContactRequest.builder().instanceId(w.instance).contactId(id).build()).get();
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build()).contact().stoppedAt())
                .isPresent();
        var failed = w.service.startTaskContactAsync(w.task().contactFlowId(null).build());
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class, failed::join).getCause())
                .isInstanceOf(dev.connecttasks.domain.error.InvalidRequestException.class);
    }

    @Test
    void everyOperationOfTheInPortHasItsCompletableFutureForm() throws Exception {
        for (Class<?> port : java.util.List.of(dev.connecttasks.application.port.in.TaskContacts.class,
                dev.connecttasks.application.port.in.InstanceSetup.class, dev.connecttasks.application.port.in.Tagging.class)) {
            for (java.lang.reflect.Method sync : port.getDeclaredMethods()) {
                if (sync.isDefault() || sync.isSynthetic() || java.lang.reflect.Modifier.isStatic(sync.getModifiers())) {
                    continue;
                }
                java.lang.reflect.Method async = port.getMethod(sync.getName() + "Async", sync.getParameterTypes());
                assertThat(async.isDefault()).as("%s", async).isTrue();
                assertThat(async.getReturnType()).as("%s", async).isEqualTo(java.util.concurrent.CompletableFuture.class);
            }
        }
        World w = World.defaults();
        String id = w.service.startTaskContact(w.task().build()).contactId();
        w.track(id);
        w.service.tagContactAsync(w.instance, id, Map.of("k", "v")).get();
        assertThat(w.service.contactTagsAsync(w.instance, id).get()).isEqualTo(Map.of("k", "v"));
        assertThat(w.service.listContactFlowsAsync(dev.connecttasks.domain.request.ListRequest.builder().instanceId(w.instance).build()).get()
                .items()).extracting(f -> f.contactFlowId()).contains(w.flow);
        var refused = w.service.deleteTaskTemplateAsync(w.instance, "nope");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class, refused::join).getCause())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void setUpReadsFindWhatWasCreatedAndRefuseUnknownIds() {
        World w = World.defaults();
        assertThat(w.service.describeInstance(w.instance).instanceId()).isEqualTo(w.instance);
        assertThat(w.service.listInstances()).extracting(i -> i.instanceId()).containsExactly(w.instance, w.otherInstance);
        assertThat(w.service.describeContactFlow(w.instance, w.flow).contactFlowId()).isEqualTo(w.flow);
        String qc = w.track(w.service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(w.instance).name("q")
                .quickConnectType("FLOW").contactFlowId(w.flow).build()).quickConnectId());
        assertThat(w.service.describeQuickConnect(w.instance, qc).quickConnectId()).isEqualTo(qc);
        String tt = w.track(w.service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(w.instance).name("t").build()).taskTemplateId());
        assertThat(w.service.listTaskTemplates(w.instance)).extracting(t -> t.taskTemplateId()).containsExactly(tt);
        assertThat(w.service.listTaskTemplates(w.otherInstance)).isEmpty();
        assertThat(w.service.policy().linkedTasksPerContact()).isEqualTo(12);
        assertThat(Outcome.of(() -> w.service.describeInstance("nope"))).isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.INSTANCE));
        assertThat(Outcome.of(() -> w.service.describeContactFlow(w.instance, "nope"))).isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.CONTACT_FLOW));
        assertThat(Outcome.of(() -> w.service.describeQuickConnect(w.instance, "nope"))).isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.QUICK_CONNECT));
        assertThat(Outcome.of(() -> w.service.getTaskTemplate(w.instance, "nope"))).isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.TASK_TEMPLATE));
        assertThat(Outcome.of(() -> w.service.createInstance(CreateInstanceRequest.builder().instanceAlias("a".repeat(46)).build())))
                .isEqualTo(Outcome.error(InvalidParameterException.class, Reason.INVALID_LENGTH));
        assertThat(Outcome.of(() -> w.service.updateContactFlow(UpdateContactFlowRequest.builder().instanceId(w.instance).contactFlowId(w.flow).build())))
                .isEqualTo(MISSING);
        assertThat(Outcome.of(() -> w.service.updateTaskTemplate(UpdateTaskTemplateRequest.builder().instanceId(w.instance).build()))).isEqualTo(MISSING);
    }

    @Test
    void contactOperationsRequireTheirIds() {
        World w = World.defaults();
        assertThat(Outcome.of(() -> w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).build()))).isEqualTo(MISSING);
        assertThat(Outcome.of(() -> w.service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(w.instance).build()))).isEqualTo(MISSING);
        assertThat(Outcome.of(() -> { w.service.updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(w.instance).build()); return ""; }))
                .isEqualTo(MISSING);
        assertThat(Outcome.of(() -> { w.service.stopContact(StopContactRequest.builder().instanceId(w.instance).build()); return ""; })).isEqualTo(MISSING);
        assertThat(Outcome.of(() -> { w.service.updateContactSchedule(UpdateContactScheduleRequest.builder().instanceId(w.instance).build()); return ""; }))
                .isEqualTo(MISSING);
        assertThat(Outcome.of(() -> w.service.describeContact(DescribeContactRequest.builder().contactId(w.root).build()))).isEqualTo(MISSING);
    }
}
