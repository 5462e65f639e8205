package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.SearchContactsRequest;
import dev.connecttasks.domain.request.SearchContactsRequest.AttributeCriterion;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.SearchRules;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SearchContacts through the service on a store: the range, the criteria, the order and the pages. Every store runs it. */
public abstract class SearchContactsContract {

    /** A service on an empty store of the adapter under test. */
    protected abstract ConnectTasksService service(TaskPolicy policy, Clock clock);

    private static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(DAY.minus(Duration.ofHours(1)));
    private ConnectTasksService service;
    private String instance;
    private String flow;
    private final List<String> today = new ArrayList<>();

    @BeforeEach
    void open() {
        service = service(TaskPolicy.defaults().withThrottling(false), clock);
        instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build())
                .contactFlowId();
        task(Map.of("mine", "no"));                                    // yesterday
        clock.set(DAY);
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofMinutes(10));
            today.add(task(Map.of("mine", i % 2 == 0 ? "yes" : "no", "batch", "b" + (i % 3))));
        }
        clock.advance(Duration.ofMinutes(1));
        today.add(service.recordContact(RecordContactRequest.builder().instanceId(instance).channel("CHAT").initiationMethod("API")
                .attributes(Map.of("mine", "yes")).build()));
        clock.set(DAY.plus(Duration.ofDays(1)).plusSeconds(1));
        task(Map.of("mine", "yes"));                                   // tomorrow
    }

    private String task(Map<String, String> attributes) {
        return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                .attributes(attributes).build()).contactId();
    }

    private SearchContactsRequest.Builder todays() {
        return SearchContactsRequest.builder().instanceId(instance).timeRange("INITIATION_TIMESTAMP", DAY, DAY.plus(Duration.ofDays(1)));
    }

    private List<String> ids(SearchContactsRequest.Builder request) {
        return service.searchContacts(request.build()).page().items().stream().map(f -> f.contact().contactId()).toList();
    }

    @Test
    void aDaysContactsAreFoundNewestFirstOrOldestFirstAndFiltered() {
        List<String> newestFirst = new ArrayList<>(today);
        java.util.Collections.reverse(newestFirst);
        assertThat(ids(todays())).containsExactlyElementsOf(newestFirst);
        assertThat(ids(todays().sort("INITIATION_TIMESTAMP", "ASCENDING"))).containsExactlyElementsOf(today);
        assertThat(service.searchContacts(todays().build()).totalCount()).isEqualTo(8);
        assertThat(ids(todays().channels(List.of("CHAT")))).containsExactly(today.get(7));
        assertThat(ids(todays().channels(List.of("TASK")).initiationMethods(List.of("API")))).hasSize(7);
        assertThat(ids(todays().sort("INITIATION_TIMESTAMP", "ASCENDING").attributes(List.of(new AttributeCriterion("mine", List.of("yes"))), null)))
                .containsExactly(today.get(0), today.get(2), today.get(4), today.get(6), today.get(7));
        assertThat(ids(todays().sort("INITIATION_TIMESTAMP", "ASCENDING").attributes(List.of(new AttributeCriterion("mine", List.of("yes")),
                new AttributeCriterion("batch", List.of("b0"))), "MATCH_ALL"))).containsExactly(today.get(0), today.get(6));
        assertThat(ids(todays().sort("INITIATION_TIMESTAMP", "ASCENDING").attributes(List.of(new AttributeCriterion("mine", List.of("no")),
                new AttributeCriterion("batch", List.of("b0"))), "MATCH_ANY"))).containsExactly(today.get(0), today.get(1), today.get(3),
                today.get(5), today.get(6));
        assertThat(ids(todays().attributes(List.of(new AttributeCriterion("batch", List.of())), null))).as("set, to any value").hasSize(7);
        assertThat(ids(SearchContactsRequest.builder().instanceId(instance).timeRange("INITIATION_TIMESTAMP", Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-01-01T00:00:00Z")))).as("a range wider than any store holds").hasSize(10);
    }

    @Test
    void pagesWalkEveryMatchOnceInEitherOrder() {
        for (String order : List.of("ASCENDING", "DESCENDING")) {
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                SearchRules.Result result = service.searchContacts(todays().sort("INITIATION_TIMESTAMP", order).maxResults(3).nextToken(token).build());
                assertThat(result.totalCount()).isEqualTo(8);
                result.page().items().forEach(f -> seen.add(f.contact().contactId()));
                token = result.page().nextToken().orElse(null);
            } while (token != null);
            List<String> expected = new ArrayList<>(today);
            if (order.equals("DESCENDING")) {
                java.util.Collections.reverse(expected);
            }
            assertThat(seen).as(order).containsExactlyElementsOf(expected);
        }
        String token = service.searchContacts(todays().maxResults(3).build()).page().nextToken().orElseThrow();
        assertRefused(InvalidParameterException.class, Reason.INVALID_NEXT_TOKEN,
                () -> service.searchContacts(todays().sort("INITIATION_TIMESTAMP", "ASCENDING").nextToken(token).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_NEXT_TOKEN,
                () -> service.searchContacts(todays().channels(List.of("TASK")).nextToken(token).build()));
    }

    @Test
    void refusalsNameTheirMember() {
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER,
                () -> service.searchContacts(SearchContactsRequest.builder().instanceId(instance).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, () -> service.searchContacts(SearchContactsRequest.builder()
                .instanceId(instance).timeRange("INITIATION_TIMESTAMP", DAY, DAY.minusSeconds(1)).build()));
        assertRefused(InvalidRequestException.class, Reason.MEMBER_NOT_SUPPORTED, () -> service.searchContacts(SearchContactsRequest.builder()
                .instanceId(instance).timeRange("DISCONNECT_TIMESTAMP", DAY, DAY).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, () -> service.searchContacts(todays().channels(List.of("FAX")).build()));
        assertRefused(InvalidRequestException.class, Reason.MEMBER_NOT_SUPPORTED,
                () -> service.searchContacts(todays().sort("CHANNEL", "ASCENDING").build()));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER,
                () -> service.searchContacts(todays().sort("INITIATION_TIMESTAMP", null).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, () -> service.searchContacts(todays().maxResults(101).build()));
        assertRefused(InvalidRequestException.class, Reason.MEMBER_NOT_SUPPORTED, () -> service.searchContacts(todays()
                .attributes(List.of(new AttributeCriterion("mine", List.of("yes"))), "MATCH_NONE").build()));
        assertRefused(ResourceNotFoundException.class, Reason.INSTANCE, () -> service.searchContacts(SearchContactsRequest.builder()
                .instanceId("no-such").timeRange("INITIATION_TIMESTAMP", DAY, DAY).build()));
    }

    private static <E extends ConnectException> void assertRefused(Class<E> type, Reason reason, Runnable call) {
        E refused = catchThrowableOfType(type, call::run);
        assertThat(refused).as("%s %s", type.getSimpleName(), reason).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
    }
}
