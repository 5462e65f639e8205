package dev.connecttasks.testkit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.property.PropertyFailedError;
import org.junit.jupiter.api.Test;

/** A failing property's report names the test method that ran it, also when it ran inside a lambda. */
class PropertyNamingTest {

    @Test
    void aPropertyRunInsideALambdaIsNamedByItsTestMethod() {
        PropertyFailedError failed = catchThrowableOfType(PropertyFailedError.class, () -> Property.forAll(Gens.integers(0, 10)).tries(5)
                .check(x -> assertThat(x).isNegative()));
        assertThat(failed).hasMessageContaining("PropertyNamingTest#aPropertyRunInsideALambdaIsNamedByItsTestMethod")
                .hasMessageNotContaining("lambda$");
    }

    @Test
    void aPropertyRunFromAHelperIsNamedByTheTestMethodThatCalledIt() {
        PropertyFailedError failed = catchThrowableOfType(PropertyFailedError.class, PropertyNamingTest::failingProperty);
        assertThat(failed).hasMessageContaining("PropertyNamingTest#aPropertyRunFromAHelperIsNamedByTheTestMethodThatCalledIt");
    }

    private static void failingProperty() {
        Property.forAll(Gens.integers(0, 10)).tries(5).check(x -> assertThat(x).isGreaterThan(10));
    }

    @Test
    void aNameGivenIsKept() {
        PropertyFailedError failed = catchThrowableOfType(PropertyFailedError.class, () -> Property.forAll(Gens.integers(0, 10)).tries(5)
                .named("my own name").check(x -> assertThat(x).isNegative()));
        assertThat(failed).hasMessageContaining("my own name");
    }
}
