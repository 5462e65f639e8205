package dev.connecttasks.application.port;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.application.port.out.QuickConnectDirectory;
import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.application.port.out.ResourceTags;
import dev.connecttasks.application.port.out.TaskTemplateDirectory;

import java.util.Objects;

/** The stores a service runs on; an adapter module supplies one of each (time and ids come with the options). */
public record StorePorts(InstanceDirectory instances, FlowDirectory flows, QuickConnectDirectory quickConnects,
                         TaskTemplateDirectory templates, ContactStore contacts, RateLimiter rateLimiter, ResourceTags tags) {
    public StorePorts {
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(quickConnects, "quickConnects");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(tags, "tags");
    }
}
