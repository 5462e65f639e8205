package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * ClientToken idempotency, as every creating operation has it: a token still live that was used for
 * the same request (the same fingerprint) answers the contact it made; used for another request,
 * the call is refused with the operation's own exception.
 */
final class ClientTokenReplay {

    private ClientTokenReplay() {
    }

    static Optional<String> replayed(Optional<String> clientToken, String fingerprint, Function<String, Optional<ClientTokenRecord>> lookup,
                                     Instant now, Duration lifetime, Function<String, ConnectException> reused) {
        if (clientToken.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientTokenRecord> known = lookup.apply(clientToken.get()).filter(t -> t.isLiveAt(now, lifetime));
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (!known.get().requestFingerprint().equals(fingerprint)) {
            throw reused.apply("ClientToken " + clientToken.get() + " was already used for a different request");
        }
        return Optional.of(known.get().contactId());
    }
}
