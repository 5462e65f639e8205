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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The contact store in memory. A transaction locks what its decision reads, as it reads it: the
 * chain of each contact and scope (a contact, its chain's shared attributes and its linked-task
 * counts move together), and the client token; the open-task quota is an escrow split over
 * shards, a start taking a slot in one of them ({@link OpenTaskQuota}). Transactions of one instance therefore wait for each other only where they meet (one
 * chain, one token), and never on the instance: two starts of different chains run side by side.
 * Writes are buffered and applied, still under the locks, when the work returns, so a refused
 * decision leaves nothing behind. A lock not granted within {@link #LOCK_WAIT_MICROS} (two
 * transactions locking two chains in opposite orders) ends the attempt, which releases everything
 * and runs again. Reads outside a transaction take the chain's lock for the moment of the read, so
 * they never see half of a transaction that another call already observed.
 */
public final class InMemoryContactStore implements ContactStore, InMemoryInstanceContents {

    private static final long LOCK_WAIT_MICROS = 2_000;

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
        for (int attempt = 1; ; attempt++) {
            View view = new View(instanceId, state);
            try {
                T result = work.apply(view);
                view.pending.forEach(Runnable::run);
                return result;
            } catch (LockNotGranted conflict) {
                view.release();
                backOff(attempt);
                continue;
            } finally {
                view.release();
            }
        }
    }

    /** A random pause growing with the attempts, so that two transactions that collided do not collide again in step. */
    private static void backOff(int attempt) {
        long micros = ThreadLocalRandom.current().nextLong(1, 50L << Math.min(attempt, 6));
        LockSupport.parkNanos(micros * 1_000);
    }

    @Override
    public Optional<Contact> findContact(String instanceId, String contactId) {
        InstanceContacts state = instances.get(instanceId);
        if (state == null) {
            return Optional.empty();
        }
        Contact seen = state.contacts.get(contactId);
        if (seen == null) {
            return Optional.empty();
        }
        ReentrantLock chain = state.locks.of(InstanceContacts.chainKey(seen.initialContactId()));
        chain.lock();
        try {
            return Optional.ofNullable(state.contacts.get(contactId));
        } finally {
            chain.unlock();
        }
    }

    @Override
    public java.util.List<dev.connecttasks.domain.rules.SearchRules.Found> initiatedBetween(String instanceId, java.time.Instant from,
                                                                                          java.time.Instant to) {
        InstanceContacts state = instances.get(instanceId);
        if (state == null) {
            return java.util.List.of();
        }
        // a snapshot of each contact with its scope, read under the scope's lock as findContact reads one
        return state.contacts.values().stream()
                .filter(c -> !c.initiationTimestamp().isBefore(from) && !c.initiationTimestamp().isAfter(to))
                .map(c -> findContact(instanceId, c.contactId()).map(found -> new dev.connecttasks.domain.rules.SearchRules.Found(found,
                        scopeAttributes(instanceId, found.initialContactId()))))
                .flatMap(Optional::stream).toList();
    }

    @Override
    public Map<String, String> scopeAttributes(String instanceId, String initialContactId) {
        InstanceContacts state = instances.get(instanceId);
        if (state == null) {
            return Map.of();
        }
        ReentrantLock chain = state.locks.of(InstanceContacts.chainKey(initialContactId));
        chain.lock();
        try {
            return state.scopes.getOrDefault(initialContactId, Map.of());
        } finally {
            chain.unlock();
        }
    }

    /** A lock that was not granted in time: the attempt ends and runs again. */
    private static final class LockNotGranted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LockNotGranted() {
            super(null, null, false, false);
        }
    }

    private final class View implements InstanceTransaction {

        private final String instanceId;
        private final InstanceContacts state;
        private final List<Runnable> pending = new ArrayList<>(4);
        private final List<ReentrantLock> held = new ArrayList<>(4);
        /** The shard of the open-task slot this transaction took; -1 while it holds none. */
        private final int[] slot = {-1};
        private final int turn;
        private boolean released;

        View(String instanceId, InstanceContacts state) {
            this.instanceId = instanceId;
            this.state = state;
            this.turn = state.openTasks.nextTurn();
        }

        private void lock(String key) {
            ReentrantLock lock = state.locks.of(key);
            try {
                if (!lock.tryLock(LOCK_WAIT_MICROS, TimeUnit.MICROSECONDS)) {
                    throw new LockNotGranted();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a lock of instance " + instanceId, e);
            }
            held.add(lock);
        }

        /** Gives back an unused open-task slot and every lock, once. */
        void release() {
            if (released) {
                return;
            }
            released = true;
            if (slot[0] >= 0) {
                state.openTasks.giveBack(slot[0]);
                slot[0] = -1;
            }
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
            held.clear();
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

        /** A contact is read under its chain's lock; a contact that is not there cannot appear, since ids are new. */
        @Override
        public Optional<Contact> contact(String contactId) {
            Contact seen = state.contacts.get(contactId);
            if (seen == null) {
                return Optional.empty();
            }
            lock(InstanceContacts.chainKey(seen.initialContactId()));
            return Optional.ofNullable(state.contacts.get(contactId));
        }

        @Override
        public Map<String, String> scopeAttributes(String initialContactId) {
            lock(InstanceContacts.chainKey(initialContactId));
            return state.scopes.getOrDefault(initialContactId, Map.of());
        }

        @Override
        public Optional<ClientTokenRecord> clientToken(String clientToken) {
            lock(InstanceContacts.tokenKey(clientToken));
            return Optional.ofNullable(state.clientTokens.get(clientToken));
        }

        /** Counted under the chain's lock of the PreviousContactId, which its links join. */
        @Override
        public int linkedTaskCount(String previousContactId) {
            contact(previousContactId);
            return state.linkedTasks.getOrDefault(previousContactId, 0);
        }

        /** Counted under the chain's lock, which every link of the chain takes. */
        @Override
        public int chainLinkedTaskCount(String initialContactId) {
            lock(InstanceContacts.chainKey(initialContactId));
            return state.chainLinkedTasks.getOrDefault(initialContactId, 0);
        }

        @Override
        public int openTaskCount(Instant now) {
            return state.openTasks.count(now);
        }

        @Override
        public int openTaskCountReserving(Instant now, int quota) {
            if (slot[0] >= 0) {
                return state.openTasks.count(now) - 1;
            }
            return state.openTasks.countReserving(now, quota, turn, slot);
        }

        @Override
        public void insertTask(NewTask task) {
            Contact contact = task.contact();
            pending.add(() -> {
                state.contacts.put(contact.contactId(), contact);
                state.scopes.put(task.scopeId(), Map.copyOf(task.scopeAttributes()));
                task.clientToken().ifPresent(t -> state.clientTokens.put(t.clientToken(), t));
                // a transfer's successor is linked to the task it replaces, but is no linked task of it (behaviour.md)
                if (contact.initiationMethod() != dev.connecttasks.domain.contact.InitiationMethod.TRANSFER) {
                    contact.previousContactId().ifPresent(p -> state.linkedTasks.merge(p, 1, Integer::sum));
                    contact.previousContactId().ifPresent(p -> state.chainLinkedTasks.merge(contact.initialContactId(), 1, Integer::sum));
                }
                if (slot[0] >= 0) {
                    state.openTasks.fill(slot[0], contact.expiresAt().orElseThrow());
                    slot[0] = -1;
                } else {
                    state.openTasks.add(contact.expiresAt().orElseThrow(), turn);
                }
            });
        }

        @Override
        public void insertContact(Contact contact, Map<String, String> attributes, Optional<ClientTokenRecord> clientToken) {
            pending.add(() -> {
                state.contacts.put(contact.contactId(), contact);
                clientToken.ifPresent(t -> state.clientTokens.put(t.clientToken(), t));
                if (!attributes.isEmpty()) {
                    state.scopes.put(contact.initialContactId(), Map.copyOf(attributes));
                }
            });
        }

        @Override
        public void updateContact(Contact contact) {
            lock(InstanceContacts.chainKey(contact.initialContactId()));
            pending.add(() -> {
                Contact before = state.contacts.put(contact.contactId(), contact);
                boolean wasCounted = before != null && before.isTask() && before.stoppedAt().isEmpty();
                boolean counted = contact.isTask() && contact.stoppedAt().isEmpty();
                if (wasCounted && counted) {
                    state.openTasks.move(before.expiresAt().orElseThrow(), contact.expiresAt().orElseThrow(), turn);
                } else if (wasCounted) {
                    state.openTasks.remove(before.expiresAt().orElseThrow(), turn);
                } else if (counted) {
                    state.openTasks.add(contact.expiresAt().orElseThrow(), turn);
                }
            });
        }

        @Override
        public void putScopeAttributes(String initialContactId, Map<String, String> attributes) {
            lock(InstanceContacts.chainKey(initialContactId));
            Map<String, String> copy = Map.copyOf(attributes);
            pending.add(() -> state.scopes.put(initialContactId, copy));
        }
    }

    /** A transaction still running writes into the dropped state, which nothing reads any more. */
    @Override
    public void forget(String instanceId) {
        instances.remove(instanceId);
    }

    /** The instance's contacts start over in a new state; a transaction still holding the old one writes where no call looks. */
    @Override
    public void clear(String instanceId) {
        forget(instanceId);
    }
}
