package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.application.port.out.QuickConnectDirectory;
import dev.connecttasks.application.port.out.TaskTemplateDirectory;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The contact store in memory. A transaction holds its instance's lock, so transactions of one
 * instance are serial (the open-task quota is one decision per instance) while different instances
 * never wait for each other. Writes are buffered and applied only when the work returns, so a
 * refused decision leaves nothing behind. A transaction reads the instance's flows, quick connects
 * and templates from the directories the store was given.
 */
public final class InMemoryContactStore implements ContactStore {

    private final ConcurrentHashMap<String, InstanceContacts> instances = new ConcurrentHashMap<>();
    private final FlowDirectory flows;
    private final QuickConnectDirectory quickConnects;
    private final TaskTemplateDirectory templates;

    public InMemoryContactStore(FlowDirectory flows, QuickConnectDirectory quickConnects, TaskTemplateDirectory templates) {
        this.flows = flows;
        this.quickConnects = quickConnects;
        this.templates = templates;
    }

    @Override
    public <T> T inTransaction(String instanceId, Function<InstanceTransaction, T> work) {
        InstanceContacts state = instances.computeIfAbsent(instanceId, id -> new InstanceContacts());
        state.lock.lock();
        try {
            View view = new View(instanceId, state);
            T result = work.apply(view);
            view.pending.forEach(Runnable::run);
            return result;
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public Optional<Contact> findContact(String instanceId, String contactId) {
        InstanceContacts state = instances.get(instanceId);
        return state == null ? Optional.empty() : Optional.ofNullable(state.contacts.get(contactId));
    }

    @Override
    public Map<String, String> scopeAttributes(String instanceId, String initialContactId) {
        InstanceContacts state = instances.get(instanceId);
        return state == null ? Map.of() : state.scopes.getOrDefault(initialContactId, Map.of());
    }

    private final class View implements InstanceTransaction {

        private final String instanceId;
        private final InstanceContacts state;
        private final List<Runnable> pending = new ArrayList<>(4);

        View(String instanceId, InstanceContacts state) {
            this.instanceId = instanceId;
            this.state = state;
        }

        @Override
        public Optional<ContactFlow> flow(String contactFlowId) {
            return flows.find(instanceId, contactFlowId);
        }

        @Override
        public Optional<QuickConnect> quickConnect(String quickConnectId) {
            return quickConnects.find(instanceId, quickConnectId);
        }

        @Override
        public Optional<TaskTemplate> taskTemplate(String taskTemplateId) {
            return templates.find(instanceId, taskTemplateId);
        }

        @Override
        public Optional<Contact> contact(String contactId) {
            return Optional.ofNullable(state.contacts.get(contactId));
        }

        @Override
        public Map<String, String> scopeAttributes(String initialContactId) {
            return state.scopes.getOrDefault(initialContactId, Map.of());
        }

        @Override
        public Optional<ClientTokenRecord> clientToken(String clientToken) {
            return Optional.ofNullable(state.clientTokens.get(clientToken));
        }

        @Override
        public int linkedTaskCount(String previousContactId) {
            return state.linkedTasks.getOrDefault(previousContactId, 0);
        }

        @Override
        public int openTaskCount(Instant now) {
            return state.openTasks.countAt(now);
        }

        @Override
        public void insertTask(NewTask task) {
            Contact contact = task.contact();
            pending.add(() -> {
                state.contacts.put(contact.contactId(), contact);
                state.scopes.put(task.scopeId(), Map.copyOf(task.scopeAttributes()));
                task.clientToken().ifPresent(t -> state.clientTokens.put(t.clientToken(), t));
                contact.previousContactId().ifPresent(p -> state.linkedTasks.merge(p, 1, Integer::sum));
                state.openTasks.add(contact.expiresAt().orElseThrow());
            });
        }

        @Override
        public void insertContact(Contact contact, Map<String, String> attributes) {
            pending.add(() -> {
                state.contacts.put(contact.contactId(), contact);
                if (!attributes.isEmpty()) {
                    state.scopes.put(contact.initialContactId(), Map.copyOf(attributes));
                }
            });
        }

        @Override
        public void updateContact(Contact contact) {
            pending.add(() -> {
                Contact before = state.contacts.put(contact.contactId(), contact);
                if (before != null && before.isTask() && before.stoppedAt().isEmpty()) {
                    state.openTasks.remove(before.expiresAt().orElseThrow());
                }
                if (contact.isTask() && contact.stoppedAt().isEmpty()) {
                    state.openTasks.add(contact.expiresAt().orElseThrow());
                }
            });
        }

        @Override
        public void putScopeAttributes(String initialContactId, Map<String, String> attributes) {
            Map<String, String> copy = Map.copyOf(attributes);
            pending.add(() -> state.scopes.put(initialContactId, copy));
        }
    }
}
