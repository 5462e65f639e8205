package dev.connecttasks.application.port.in;

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

    /** Refuses with {@code INVALID_LENGTH} (InstanceAlias 1..45). */
    Instance createInstance(CreateInstanceRequest request);

    /** Refuses with {@code MISSING_PARAMETER}, {@code INVALID_LENGTH}; {@code ResourceNotFoundException INSTANCE}. */
    Instance describeInstance(String instanceId);

    /** Every instance, oldest first. */
    List<Instance> listInstances();

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
}
