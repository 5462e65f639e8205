package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.template.TaskTemplate;
import java.util.List;
import java.util.Optional;

/** Task templates at their latest version; {@link #save} inserts or replaces. */
public interface TaskTemplateDirectory {

    void save(TaskTemplate template);

    Optional<TaskTemplate> find(String instanceId, String taskTemplateId);

    List<TaskTemplate> list(String instanceId);

    /** Removes it; false when there was none. Contacts that resolved their flow through it keep what they resolved. */
    boolean delete(String instanceId, String taskTemplateId);
}
