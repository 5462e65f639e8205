package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.rules.Pages;
import java.util.function.Function;

/** The list operations' query members (maxResults, nextToken and a type list) and their page answers. */
final class Listings {

    private Listings() {
    }

    /** The request of a list operation; {@code typesParameter} names its type list in the query, or is null. */
    static ListRequest.Builder request(WireRequest request, String typesParameter) {
        return ListRequest.builder().instanceId(request.label("InstanceId")).maxResults(request.queryInteger("maxResults").orElse(null))
                .nextToken(request.queryValue("nextToken")).types(typesParameter == null ? null : request.queryValues(typesParameter));
    }

    /** The page under {@code listMember}, with NextToken when more follow. */
    static <T> ObjectNode answer(Pages.Page<T> page, String listMember, Function<T, ObjectNode> summary) {
        ObjectNode response = Wire.object();
        ArrayNode items = response.putArray(listMember);
        page.items().forEach(item -> items.add(summary.apply(item)));
        page.nextToken().ifPresent(token -> response.put("NextToken", token));
        return response;
    }
}
