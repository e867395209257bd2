package dev.migrationgate.iam;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account of the IAM dashboard. All timestamps are UTC without a zone ({@code timestamp}). */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    @Generated
    @Column(name = "id", updatable = false, nullable = false)
    public UUID id;

    @Column(name = "email", nullable = false, unique = true)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "role", nullable = false)
    public UserRole role;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    @Column(name = "last_login_at")
    public LocalDateTime lastLoginAt;

    @Column(name = "locked_until")
    public LocalDateTime lockedUntil;

    /** Consecutive failed logins since the last success or lock; written only by {@code LoginAttempts}' SQL. */
    @Column(name = "failed_login_count", nullable = false)
    public int failedLoginCount;

    /** The account with this email, compared in its {@link #normaliseEmail normalised} form. */
    public static User findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResult();
    }

    /** Emails are stored trimmed and lower-cased, so logins and uniqueness ignore case. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
