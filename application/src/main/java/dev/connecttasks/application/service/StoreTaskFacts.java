package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.ContactStoreView;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskFacts;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The facts of steps 5-12, answered from one store transaction's view and the directories. */
final class StoreTaskFacts implements TaskFacts {

    private final String instanceId;
    private final ContactStoreView view;
    private final ServicePorts ports;
    private final Instant now;

    StoreTaskFacts(String instanceId, ContactStoreView view, ServicePorts ports, Instant now) {
        this.instanceId = instanceId;
        this.view = view;
        this.ports = ports;
        this.now = now;
    }

    @Override
    public Optional<ClientTokenRecord> clientToken(String clientToken) {
        return view.clientToken(clientToken);
    }

    @Override
    public Optional<Contact> contact(String contactId) {
        return view.contact(contactId);
    }

    @Override
    public Optional<ContactFlow> flow(String contactFlowId) {
        return ports.flows().find(instanceId, contactFlowId);
    }

    @Override
    public Optional<QuickConnect> quickConnect(String quickConnectId) {
        return ports.quickConnects().find(instanceId, quickConnectId);
    }

    @Override
    public Optional<TaskTemplate> taskTemplate(String taskTemplateId) {
        return ports.templates().find(instanceId, taskTemplateId);
    }

    @Override
    public Map<String, String> scopeAttributes(String initialContactId) {
        return view.scopeAttributes(initialContactId);
    }

    @Override
    public int linkedTaskCount(String previousContactId) {
        return view.linkedTaskCount(previousContactId);
    }

    @Override
    public int openTaskCount() {
        return view.openTaskCount(now);
    }
}
