package app.tandem.security;

/** What a signed-in person may do. Each role includes the rights of the ones before it. */
public enum Role {
    AGENT,
    SUPERVISOR,
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
