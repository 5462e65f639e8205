package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.instance.Instance;
import java.util.List;
import java.util.Optional;

/** The instances (tenants). */
public interface InstanceDirectory {

    void save(Instance instance);

    Optional<Instance> find(String instanceId);

    List<Instance> list();
}
