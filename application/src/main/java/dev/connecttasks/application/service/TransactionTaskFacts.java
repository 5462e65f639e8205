package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskFacts;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The facts of StartTaskContact's steps 5-12, every one answered by the one instance transaction. */
final class TransactionTaskFacts implements TaskFacts {

    private final InstanceTransaction transaction;
    private final Instant now;
    private final int openTaskQuota;

    TransactionTaskFacts(InstanceTransaction transaction, Instant now, int openTaskQuota) {
        this.transaction = transaction;
        this.now = now;
        this.openTaskQuota = openTaskQuota;
    }

    @Override
    public Optional<ClientTokenRecord> clientToken(String clientToken) {
        return transaction.clientToken(clientToken);
    }

    @Override
    public Optional<Contact> contact(String contactId) {
        return transaction.contact(contactId);
    }

    @Override
    public Optional<ContactFlow> flow(String contactFlowId) {
        return transaction.flow(contactFlowId);
    }

    @Override
    public Optional<QuickConnect> quickConnect(String quickConnectId) {
        return transaction.quickConnect(quickConnectId);
    }

    @Override
    public Optional<TaskTemplate> taskTemplate(String taskTemplateId) {
        return transaction.taskTemplate(taskTemplateId);
    }

    @Override
    public Map<String, String> scopeAttributes(String initialContactId) {
        return transaction.scopeAttributes(initialContactId);
    }

    @Override
    public int linkedTaskCount(String previousContactId) {
        return transaction.linkedTaskCount(previousContactId);
    }

    @Override
    public int chainLinkedTaskCount(String initialContactId) {
        return transaction.chainLinkedTaskCount(initialContactId);
    }

    @Override
    public int openTaskCount() {
        return transaction.openTaskCountReserving(now, openTaskQuota);
    }
}
