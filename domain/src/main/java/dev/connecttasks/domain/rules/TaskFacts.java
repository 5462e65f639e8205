package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.template.TaskTemplate;
import java.util.Map;
import java.util.Optional;

/**
 * What steps 5-12 of StartTaskContact need to know about one instance, asked for lazily and only when
 * a rule needs it. The application answers from its ports; every answer inside one decision must
 * come from one consistent view (see the store port).
 */
public interface TaskFacts {

    Optional<ClientTokenRecord> clientToken(String clientToken);

    Optional<Contact> contact(String contactId);

    Optional<ContactFlow> flow(String contactFlowId);

    Optional<QuickConnect> quickConnect(String quickConnectId);

    Optional<TaskTemplate> taskTemplate(String taskTemplateId);

    /** The attributes of the scope whose InitialContactId is given; empty when none are set. */
    Map<String, String> scopeAttributes(String initialContactId);

    /** How many tasks were ever created with this PreviousContactId. */
    int linkedTaskCount(String previousContactId);

    /** How many tasks of the chain whose InitialContactId is given were created with a PreviousContactId. */
    int chainLinkedTaskCount(String initialContactId);

    /** How many task contacts of the instance are open at the decision's instant. */
    int openTaskCount();
}
