package app.tandem.security;

import java.time.Instant;

/** The outcome of a sign-in attempt, with what to tell the person. */
public sealed interface SignInResult {

    record SignedIn(User user) implements SignInResult {}

    record WrongPassword(int attemptsLeft) implements SignInResult {}

    record Locked(Instant until) implements SignInResult {}

    record UnknownUser() implements SignInResult {}
}
