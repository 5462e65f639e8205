package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.TaskTemplateDirectory;
import dev.connecttasks.domain.template.TaskTemplate;
import java.util.List;
import java.util.Optional;

/** Task templates at their latest version in memory, listed by id; thread-safe. */
public final class InMemoryTaskTemplateDirectory implements TaskTemplateDirectory, InMemoryInstanceContents {

    private final InstanceScopedMap<TaskTemplate> templates = new InstanceScopedMap<>();

    @Override
    public void save(TaskTemplate template) {
        templates.put(template.instanceId(), template.taskTemplateId(), template);
    }

    @Override
    public Optional<TaskTemplate> find(String instanceId, String taskTemplateId) {
        return templates.get(instanceId, taskTemplateId);
    }

    @Override
    public List<TaskTemplate> list(String instanceId) {
        return templates.all(instanceId);
    }

    @Override
    public boolean delete(String instanceId, String taskTemplateId) {
        return templates.remove(instanceId, taskTemplateId);
    }

    @Override
    public void forget(String instanceId) {
        templates.forget(instanceId);
    }
}
