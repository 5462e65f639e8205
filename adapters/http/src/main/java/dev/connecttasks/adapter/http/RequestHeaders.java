package dev.connecttasks.adapter.http;

import java.util.List;

/** A request's header fields as the signature check reads them, apart from the server that parsed them. */
@FunctionalInterface
interface RequestHeaders {

    /** Every value sent under {@code name} (compared ignoring case), in the order received; empty when there is none. */
    List<String> all(String name);
}
