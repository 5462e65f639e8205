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
import java.util.List;

/** Setting up an instance: what the task rules read. Unknown ids raise ResourceNotFoundException. */
public interface InstanceSetup {

    Instance createInstance(CreateInstanceRequest request);

    Instance describeInstance(String instanceId);

    List<Instance> listInstances();

    /** Records a VOICE, CHAT or EMAIL contact so tasks can link to it; returns its ContactId. */
    String recordContact(RecordContactRequest request);

    ContactFlow createContactFlow(CreateContactFlowRequest request);

    ContactFlow describeContactFlow(String instanceId, String contactFlowId);

    ContactFlow updateContactFlow(UpdateContactFlowRequest request);

    QuickConnect createQuickConnect(CreateQuickConnectRequest request);

    QuickConnect describeQuickConnect(String instanceId, String quickConnectId);

    TaskTemplate createTaskTemplate(CreateTaskTemplateRequest request);

    TaskTemplate getTaskTemplate(String instanceId, String taskTemplateId);

    TaskTemplate updateTaskTemplate(UpdateTaskTemplateRequest request);

    List<TaskTemplate> listTaskTemplates(String instanceId);
}
