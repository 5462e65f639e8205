package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.application.port.out.QuickConnectDirectory;
import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.application.port.out.TaskTemplateDirectory;
import java.time.Clock;
import java.util.Objects;

/** Every out-port the service needs; an adapter module assembles one. */
public record ServicePorts(InstanceDirectory instances, FlowDirectory flows, QuickConnectDirectory quickConnects,
                           TaskTemplateDirectory templates, ContactStore contacts, RateLimiter rateLimiter,
                           IdSource ids, Clock clock) {
    public ServicePorts {
        Objects.requireNonNull(instances);
        Objects.requireNonNull(flows);
        Objects.requireNonNull(quickConnects);
        Objects.requireNonNull(templates);
        Objects.requireNonNull(contacts);
        Objects.requireNonNull(rateLimiter);
        Objects.requireNonNull(ids);
        Objects.requireNonNull(clock);
    }
}
