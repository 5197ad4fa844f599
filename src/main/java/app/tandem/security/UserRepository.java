package app.tandem.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users and their password hashes are kept. */
public interface UserRepository {

    boolean isEmpty();

    User create(String username, String displayName, Role role, String passwordHash);

    Optional<User> find(String username);

    Optional<String> passwordHash(String username);

    void recordFailure(String username, int failedAttempts, Instant lockedUntil);

    void recordSuccess(String username);

    List<User> all();
}
