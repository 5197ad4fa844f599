package app.tandem.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in, first-run admin creation and user management. Five wrong passwords in a row lock the
 * account for {@link #LOCK_DURATION}; a successful sign-in resets the count.
 */
public final class AccountService {

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** The size of users.username and audit_log.actor (V1__init.sql); the user name format allows no more. */
    public static final int MAX_USERNAME_LENGTH = 64;
    /** The size of users.display_name (V1__init.sql). */
    public static final int MAX_DISPLAY_NAME_LENGTH = 128;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(UserRepository users, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** True until the first admin exists: the UI then shows the first-run screen. */
    public boolean needsFirstAdmin() {
        return users.isEmpty();
    }

    public User createFirstAdmin(String username, String displayName, char[] password) {
        if (!users.isEmpty()) {
            throw new IllegalStateException("An administrator already exists.");
        }
        return createUser("setup", username, displayName, Role.ADMIN, password);
    }

    public User createUser(String actor, String username, String displayName, Role role, char[] password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!name.matches("[a-z0-9._-]{2," + MAX_USERNAME_LENGTH + "}")) {
            throw new InvalidAccountException(InvalidAccountException.Problem.USERNAME_FORMAT, name);
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new InvalidAccountException(InvalidAccountException.Problem.PASSWORD_TOO_SHORT, Integer.toString(MIN_PASSWORD_LENGTH));
        }
        if (users.find(name).isPresent()) {
            throw new InvalidAccountException(InvalidAccountException.Problem.USERNAME_TAKEN, name);
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (display.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidAccountException(InvalidAccountException.Problem.DISPLAY_NAME_TOO_LONG,
                    Integer.toString(MAX_DISPLAY_NAME_LENGTH));
        }
        User user = users.create(name, display, role, hasher.hash(password));
        audit.record(actor, "user.create", name, role.name());
        return user;
    }

    public SignInResult signIn(String username, char[] password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        // No account can have a longer name, and the audit record of an unknown name could not hold it. Such a
        // "name" is often a password typed in the wrong field, so it is neither recorded nor repeated.
        if (name.length() > MAX_USERNAME_LENGTH) {
            throw new InvalidAccountException(InvalidAccountException.Problem.USERNAME_FORMAT, "");
        }
        Optional<User> found = users.find(name);
        if (found.isEmpty()) {
            audit.record(name, "signin.unknown", name, "");
            return new SignInResult.UnknownUser();
        }
        User user = found.get();
        Instant now = clock.instant();
        if (user.isLockedAt(now)) {
            return new SignInResult.Locked(user.lockedUntil().orElseThrow());
        }
        boolean ok = users.passwordHash(name).map(h -> hasher.matches(password, h)).orElse(false);
        if (ok) {
            users.recordSuccess(name);
            audit.record(name, "signin", name, "");
            return new SignInResult.SignedIn(users.find(name).orElseThrow());
        }
        int failures = user.failedAttempts() + 1;
        if (failures >= MAX_FAILED_ATTEMPTS) {
            Instant until = now.plus(LOCK_DURATION);
            users.recordFailure(name, 0, until);
            audit.record(name, "signin.locked", name, "after " + failures + " wrong passwords");
            return new SignInResult.Locked(until);
        }
        users.recordFailure(name, failures, null);
        audit.record(name, "signin.failed", name, "attempt " + failures);
        return new SignInResult.WrongPassword(MAX_FAILED_ATTEMPTS - failures);
    }

    public List<User> users() {
        return users.all();
    }
}
