package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every value comes back exactly as it went in: non-ASCII text (including characters outside the
 * Basic Multilingual Plane), quotes, backslashes, SQL keywords and comment markers, JSON syntax,
 * and every control character except NUL, up to the full 32,768-byte attribute budget.
 */
class JdbcRoundTripProperties {

    private static final List<String> AWKWARD = List.of("'", "''", "\"", "\\", "\\\\", "\\u0000", "%", "_", "é", "ß", "日本語", "😀", "𝄞",
            "\u200b", "\u2028", "\ufeff", " ", "\t", "\n", "\r\n", "\u0001", "\u001f", "\u007f", "\u0085", "NULL", "null",
            "'); DROP TABLE ct_contact; --", "/* */", "SELECT * FROM ct_scope", "{\"k\":[1,2]}", "}", "$1", "?", "?::text", "\\N");

    private static final Gen<String> AWKWARD_TEXT = Gens.lists(Gens.oneOf(Gens.elements(AWKWARD), Gens.strings(Gens.range(' ', '~'), 1, 4)), 0, 12)
            .map(parts -> String.join("", parts));

    private static final Gen<String> KEY = Gens.strings(Gens.range('a', 'z') + Gens.range('A', 'Z') + Gens.range('0', '9') + "_-", 1, 12);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void awkwardTextRoundTripsExactly(TestDatabase.Kind kind) {
        SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults());
        Gen<Map<String, String>> attributes = Gens.maps(KEY, AWKWARD_TEXT, 0, 8);
        Property.forAll(Gens.combine(AWKWARD_TEXT.filter(t -> !t.isEmpty()), AWKWARD_TEXT, attributes, attributes, Written::new))
                .named("jdbc round trip " + kind).tries(60).check(w -> {
                    String id = s.start(0, s.task().name(w.name()).description(w.description()).attributes(w.attributes()));
                    var described = s.service(1).describeContact(DescribeContactRequest.builder().instanceId(s.instance()).contactId(id).build()).contact();
                    assertThat(described.name()).isEqualTo(w.name());
                    assertThat(described.description()).contains(w.description());
                    assertThat(s.attributes(2, id)).isEqualTo(w.attributes());
                    s.service(0).updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(s.instance()).initialContactId(id)
                            .attributes(w.update()).build());
                    Map<String, String> merged = new java.util.HashMap<>(w.attributes());
                    merged.putAll(w.update());
                    assertThat(s.attributes(1, id)).isEqualTo(merged);
                    assertThat(s.rows().scopeAttributes(id)).as("the stored row itself").isEqualTo(merged);
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theFullAttributeBudgetRoundTripsAndOneByteMoreIsRefused(TestDatabase.Kind kind) {
        SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults());
        // 1 byte of key, then 32,767 bytes of value mixing 4-, 3-, 2- and 1-byte characters and control characters.
        StringBuilder value = new StringBuilder();
        String[] pieces = {"😀", "日", "é", "'", "\\", "\"", "\u0001", "\n"};
        for (int i = 0; utf8(value) + utf8(pieces[i % pieces.length]) <= 32_767; i++) {
            value.append(pieces[i % pieces.length]);
        }
        while (utf8(value) < 32_767) {
            value.append('x');
        }
        Map<String, String> full = Map.of("k", value.toString());
        assertThat(utf8(value) + 1).isEqualTo(32_768);
        String id = s.start(0, s.task().attributes(full));
        assertThat(s.attributes(1, id)).isEqualTo(full);
        assertThat(s.rows().scopeAttributes(id)).isEqualTo(full);
        assertThatThrownBy(() -> s.service(2).updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(s.instance())
                .initialContactId(id).attributes(Map.of("k", value + "x")).build()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ATTRIBUTES_TOO_LARGE));
        assertThat(s.rows().scopeAttributes(id)).as("the refused update changed nothing").isEqualTo(full);
    }

    private static int utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private record Written(String name, String description, Map<String, String> attributes, Map<String, String> update) {
    }
}
