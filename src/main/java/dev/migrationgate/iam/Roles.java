package dev.migrationgate.iam;

/**
 * The role names as compile-time constants, for {@code @RolesAllowed}: each is the value a {@link UserRole}
 * persists, so the security identity carries exactly the label stored in {@code users.role}.
 */
public final class Roles {

    public static final String SYSADMIN = "sysadmin";
    public static final String ADMIN = "admin";
    public static final String USER = "user";

    private Roles() {
    }
}
