package dev.connecttasks.application.port.in;

import java.util.concurrent.CompletableFuture;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.rules.Pages;
import java.util.List;

/**
 * Setting up an instance: what the task rules read. Member refusals are {@code InvalidParameterException}
 * ({@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE} for a value outside its enum or
 * form), checked before the instance; an unknown instance or resource is {@code ResourceNotFoundException}
 * with the reason naming it. A store failure is {@code InternalServiceException ADAPTER_FAILURE}.
 */
public interface InstanceSetup {

    /** Where the {@code CompletableFuture} forms run: the executor the service was built with, or the library's own daemon threads. */
    default java.util.concurrent.Executor asyncExecutor() {
        return Async.SHARED;
    }

    /** Refuses with {@code INVALID_LENGTH} (InstanceAlias 1..45). */
    Instance createInstance(CreateInstanceRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}. */
    Instance describeInstance(String instanceId);

    /** Every instance, oldest first. */
    List<Instance> listInstances();

    /**
     * Deletes the instance and everything in it: every later call naming it is refused with
     * {@code ResourceNotFoundException INSTANCE}, as if it had never been created; tasks started in it
     * are gone. Refuses with {@code InvalidRequestException} {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}
     * (InstanceId 1..100, ClientToken 1..500); {@code ResourceNotFoundException INSTANCE}, also for a deleted instance,
     * unless {@code clientToken} (may be null) is the one it was deleted with: that retry succeeds.
     */
    void deleteInstance(String instanceId, String clientToken);

    /**
     * Records a VOICE, CHAT or EMAIL contact so tasks can link to it; returns its ContactId. Refuses with
     * {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE} (Channel, TASK, InitiationMethod),
     * {@code INVALID_ATTRIBUTE_KEY}, {@code ATTRIBUTES_TOO_LARGE}; {@code ResourceNotFoundException INSTANCE}.
     */
    String recordContact(RecordContactRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE}; {@code ResourceNotFoundException INSTANCE}. */
    ContactFlow createContactFlow(CreateContactFlowRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, then the ids, then {@code CONTACT_FLOW}. */
    ContactFlow describeContactFlow(String instanceId, String contactFlowId);

    /**
     * Refuses with {@code MISSING_PARAMETER} (also when neither ContactFlowState nor Status is given), {@code INVALID_LENGTH};
     * {@code ResourceNotFoundException INSTANCE}, {@code CONTACT_FLOW}; then {@code INVALID_VALUE}.
     */
    ContactFlow updateContactFlow(UpdateContactFlowRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE}; {@code ResourceNotFoundException INSTANCE}. */
    QuickConnect createQuickConnect(CreateQuickConnectRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, then the id, then {@code QUICK_CONNECT}. */
    QuickConnect describeQuickConnect(String instanceId, String quickConnectId);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE}; {@code ResourceNotFoundException INSTANCE}. */
    TaskTemplate createTaskTemplate(CreateTaskTemplateRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, then the id, then {@code TASK_TEMPLATE}. */
    TaskTemplate getTaskTemplate(String instanceId, String taskTemplateId);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE}; {@code ResourceNotFoundException INSTANCE}, {@code TASK_TEMPLATE}. */
    TaskTemplate updateTaskTemplate(UpdateTaskTemplateRequest request);

    /** The instance's templates by id. Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}. */
    List<TaskTemplate> listTaskTemplates(String instanceId);

    /**
     * One page of the instances, ordered by id; {@code nextToken} of the answer asks for the next.
     * Refuses with {@code InvalidParameterException INVALID_VALUE} (MaxResults outside 1..10, or a
     * member ListInstances has not), {@code INVALID_NEXT_TOKEN}.
     */
    Pages.Page<Instance> listInstances(ListRequest request);

    /**
     * Removes a flow: later starts naming it, directly or through a quick connect or template, find
     * none; tasks started with it keep their resolved flow. Refuses with {@code InvalidParameterException}
     * {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}, {@code CONTACT_FLOW}.
     */
    void deleteContactFlow(String instanceId, String contactFlowId);

    /** Removes a quick connect; as {@link #deleteContactFlow}, with {@code QUICK_CONNECT}. */
    void deleteQuickConnect(String instanceId, String quickConnectId);

    /** Removes a template; as {@link #deleteContactFlow}, with {@code TASK_TEMPLATE}. */
    void deleteTaskTemplate(String instanceId, String taskTemplateId);

    /** Replaces a flow's content (1..256,000 characters, required); refusals as {@link #deleteContactFlow}. */
    ContactFlow updateContactFlowContent(String instanceId, String contactFlowId, String content);

    /** Replaces a quick connect's config (type, target, flow) by CreateQuickConnect's rules; refusals as {@link #deleteQuickConnect}. */
    QuickConnect updateQuickConnectConfig(String instanceId, String quickConnectId, String quickConnectType, String target, String contactFlowId);

    /**
     * One page of the instance's flows of the given ContactFlowTypes (all when left out), ordered by id.
     * Refuses with {@code InvalidParameterException MISSING_PARAMETER}, {@code INVALID_LENGTH}, {@code INVALID_VALUE},
     * {@code INVALID_NEXT_TOKEN}; {@code ResourceNotFoundException INSTANCE}.
     */
    Pages.Page<ContactFlow> listContactFlows(ListRequest request);

    /** One page of the instance's quick connects of the given QuickConnectTypes, ordered by id; refusals as {@link #listContactFlows}. */
    Pages.Page<QuickConnect> listQuickConnects(ListRequest request);

    /** One page of the instance's templates of the given Status and Name (all when left out), ordered by id; refusals as {@link #listContactFlows}. */
    Pages.Page<TaskTemplate> listTaskTemplates(ListRequest request);

    /** {@link #createInstance} on the common pool. */
    default CompletableFuture<Instance> createInstanceAsync(CreateInstanceRequest request) {
        return Async.call(asyncExecutor(), () -> createInstance(request));
    }

    /** {@link #describeInstance} on the common pool. */
    default CompletableFuture<Instance> describeInstanceAsync(String instanceId) {
        return Async.call(asyncExecutor(), () -> describeInstance(instanceId));
    }

    /** {@link #listInstances} on the common pool. */
    default CompletableFuture<List<Instance>> listInstancesAsync() {
        return Async.call(asyncExecutor(), () -> listInstances());
    }

    /** {@link #deleteInstance} on the common pool. */
    default CompletableFuture<Void> deleteInstanceAsync(String instanceId, String clientToken) {
        return Async.run(asyncExecutor(), () -> deleteInstance(instanceId, clientToken));
    }

    /** {@link #recordContact} on the common pool. */
    default CompletableFuture<String> recordContactAsync(RecordContactRequest request) {
        return Async.call(asyncExecutor(), () -> recordContact(request));
    }

    /** {@link #createContactFlow} on the common pool. */
    default CompletableFuture<ContactFlow> createContactFlowAsync(CreateContactFlowRequest request) {
        return Async.call(asyncExecutor(), () -> createContactFlow(request));
    }

    /** {@link #describeContactFlow} on the common pool. */
    default CompletableFuture<ContactFlow> describeContactFlowAsync(String instanceId, String contactFlowId) {
        return Async.call(asyncExecutor(), () -> describeContactFlow(instanceId, contactFlowId));
    }

    /** {@link #updateContactFlow} on the common pool. */
    default CompletableFuture<ContactFlow> updateContactFlowAsync(UpdateContactFlowRequest request) {
        return Async.call(asyncExecutor(), () -> updateContactFlow(request));
    }

    /** {@link #createQuickConnect} on the common pool. */
    default CompletableFuture<QuickConnect> createQuickConnectAsync(CreateQuickConnectRequest request) {
        return Async.call(asyncExecutor(), () -> createQuickConnect(request));
    }

    /** {@link #describeQuickConnect} on the common pool. */
    default CompletableFuture<QuickConnect> describeQuickConnectAsync(String instanceId, String quickConnectId) {
        return Async.call(asyncExecutor(), () -> describeQuickConnect(instanceId, quickConnectId));
    }

    /** {@link #createTaskTemplate} on the common pool. */
    default CompletableFuture<TaskTemplate> createTaskTemplateAsync(CreateTaskTemplateRequest request) {
        return Async.call(asyncExecutor(), () -> createTaskTemplate(request));
    }

    /** {@link #getTaskTemplate} on the common pool. */
    default CompletableFuture<TaskTemplate> getTaskTemplateAsync(String instanceId, String taskTemplateId) {
        return Async.call(asyncExecutor(), () -> getTaskTemplate(instanceId, taskTemplateId));
    }

    /** {@link #updateTaskTemplate} on the common pool. */
    default CompletableFuture<TaskTemplate> updateTaskTemplateAsync(UpdateTaskTemplateRequest request) {
        return Async.call(asyncExecutor(), () -> updateTaskTemplate(request));
    }

    /** {@link #listTaskTemplates} on the common pool. */
    default CompletableFuture<List<TaskTemplate>> listTaskTemplatesAsync(String instanceId) {
        return Async.call(asyncExecutor(), () -> listTaskTemplates(instanceId));
    }

    /** {@link #listInstances} on the common pool. */
    default CompletableFuture<Pages.Page<Instance>> listInstancesAsync(ListRequest request) {
        return Async.call(asyncExecutor(), () -> listInstances(request));
    }

    /** {@link #deleteContactFlow} on the common pool. */
    default CompletableFuture<Void> deleteContactFlowAsync(String instanceId, String contactFlowId) {
        return Async.run(asyncExecutor(), () -> deleteContactFlow(instanceId, contactFlowId));
    }

    /** {@link #deleteQuickConnect} on the common pool. */
    default CompletableFuture<Void> deleteQuickConnectAsync(String instanceId, String quickConnectId) {
        return Async.run(asyncExecutor(), () -> deleteQuickConnect(instanceId, quickConnectId));
    }

    /** {@link #deleteTaskTemplate} on the common pool. */
    default CompletableFuture<Void> deleteTaskTemplateAsync(String instanceId, String taskTemplateId) {
        return Async.run(asyncExecutor(), () -> deleteTaskTemplate(instanceId, taskTemplateId));
    }

    /** {@link #updateContactFlowContent} on the common pool. */
    default CompletableFuture<ContactFlow> updateContactFlowContentAsync(String instanceId, String contactFlowId, String content) {
        return Async.call(asyncExecutor(), () -> updateContactFlowContent(instanceId, contactFlowId, content));
    }

    /** {@link #updateQuickConnectConfig} on the common pool. */
    default CompletableFuture<QuickConnect> updateQuickConnectConfigAsync(String instanceId, String quickConnectId, String quickConnectType, String target, String contactFlowId) {
        return Async.call(asyncExecutor(), () -> updateQuickConnectConfig(instanceId, quickConnectId, quickConnectType, target, contactFlowId));
    }

    /** {@link #listContactFlows} on the common pool. */
    default CompletableFuture<Pages.Page<ContactFlow>> listContactFlowsAsync(ListRequest request) {
        return Async.call(asyncExecutor(), () -> listContactFlows(request));
    }

    /** {@link #listQuickConnects} on the common pool. */
    default CompletableFuture<Pages.Page<QuickConnect>> listQuickConnectsAsync(ListRequest request) {
        return Async.call(asyncExecutor(), () -> listQuickConnects(request));
    }

    /** {@link #listTaskTemplates} on the common pool. */
    default CompletableFuture<Pages.Page<TaskTemplate>> listTaskTemplatesAsync(ListRequest request) {
        return Async.call(asyncExecutor(), () -> listTaskTemplates(request));
    }

    /** {@link #createInstance(dev.connecttasks.domain.request.CreateInstanceRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default Instance createInstance(java.util.function.Consumer<dev.connecttasks.domain.request.CreateInstanceRequest.Builder> request) {
        return createInstance(Built.by(dev.connecttasks.domain.request.CreateInstanceRequest.builder(), request).build());
    }

    /** {@link #recordContact(dev.connecttasks.domain.request.RecordContactRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default String recordContact(java.util.function.Consumer<dev.connecttasks.domain.request.RecordContactRequest.Builder> request) {
        return recordContact(Built.by(dev.connecttasks.domain.request.RecordContactRequest.builder(), request).build());
    }

    /** {@link #createContactFlow(dev.connecttasks.domain.request.CreateContactFlowRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default ContactFlow createContactFlow(java.util.function.Consumer<dev.connecttasks.domain.request.CreateContactFlowRequest.Builder> request) {
        return createContactFlow(Built.by(dev.connecttasks.domain.request.CreateContactFlowRequest.builder(), request).build());
    }

    /** {@link #updateContactFlow(dev.connecttasks.domain.request.UpdateContactFlowRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default ContactFlow updateContactFlow(java.util.function.Consumer<dev.connecttasks.domain.request.UpdateContactFlowRequest.Builder> request) {
        return updateContactFlow(Built.by(dev.connecttasks.domain.request.UpdateContactFlowRequest.builder(), request).build());
    }

    /** {@link #createQuickConnect(dev.connecttasks.domain.request.CreateQuickConnectRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default QuickConnect createQuickConnect(java.util.function.Consumer<dev.connecttasks.domain.request.CreateQuickConnectRequest.Builder> request) {
        return createQuickConnect(Built.by(dev.connecttasks.domain.request.CreateQuickConnectRequest.builder(), request).build());
    }

    /** {@link #createTaskTemplate(dev.connecttasks.domain.request.CreateTaskTemplateRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default TaskTemplate createTaskTemplate(java.util.function.Consumer<dev.connecttasks.domain.request.CreateTaskTemplateRequest.Builder> request) {
        return createTaskTemplate(Built.by(dev.connecttasks.domain.request.CreateTaskTemplateRequest.builder(), request).build());
    }

    /** {@link #updateTaskTemplate(dev.connecttasks.domain.request.UpdateTaskTemplateRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default TaskTemplate updateTaskTemplate(java.util.function.Consumer<dev.connecttasks.domain.request.UpdateTaskTemplateRequest.Builder> request) {
        return updateTaskTemplate(Built.by(dev.connecttasks.domain.request.UpdateTaskTemplateRequest.builder(), request).build());
    }

    /** {@link #listInstances(dev.connecttasks.domain.request.ListRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default Pages.Page<Instance> listInstances(java.util.function.Consumer<dev.connecttasks.domain.request.ListRequest.Builder> request) {
        return listInstances(Built.by(dev.connecttasks.domain.request.ListRequest.builder(), request).build());
    }

    /** {@link #listContactFlows(dev.connecttasks.domain.request.ListRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default Pages.Page<ContactFlow> listContactFlows(java.util.function.Consumer<dev.connecttasks.domain.request.ListRequest.Builder> request) {
        return listContactFlows(Built.by(dev.connecttasks.domain.request.ListRequest.builder(), request).build());
    }

    /** {@link #listQuickConnects(dev.connecttasks.domain.request.ListRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default Pages.Page<QuickConnect> listQuickConnects(java.util.function.Consumer<dev.connecttasks.domain.request.ListRequest.Builder> request) {
        return listQuickConnects(Built.by(dev.connecttasks.domain.request.ListRequest.builder(), request).build());
    }

    /** {@link #listTaskTemplates(dev.connecttasks.domain.request.ListRequest)} with the request built by {@code request}, as the AWS SDK's consumer-builder overloads are. */
    default Pages.Page<TaskTemplate> listTaskTemplates(java.util.function.Consumer<dev.connecttasks.domain.request.ListRequest.Builder> request) {
        return listTaskTemplates(Built.by(dev.connecttasks.domain.request.ListRequest.builder(), request).build());
    }
}
