package dev.connecttasks.application.port.out;

/** New ids for contacts, instances, flows, quick connects and templates. Must never repeat. */
@FunctionalInterface
public interface IdSource {

    String newId();
}
