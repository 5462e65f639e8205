package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.RecordingFacts;
import java.util.Map;
import java.util.Optional;

/** The recording rules' facts, read from one instance transaction. */
final class TransactionRecordingFacts implements RecordingFacts {

    private final InstanceTransaction transaction;

    TransactionRecordingFacts(InstanceTransaction transaction) {
        this.transaction = transaction;
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
        return transaction.currentFlow(contactFlowId);
    }

    @Override
    public Map<String, String> scopeAttributes(String initialContactId) {
        return transaction.scopeAttributes(initialContactId);
    }
}
