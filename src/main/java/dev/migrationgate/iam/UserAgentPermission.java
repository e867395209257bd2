package dev.migrationgate.iam;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * A grant letting an AI agent act for a user until {@code expiresAt}. Times are UTC without a zone;
 * "now" always comes from the caller's {@link Clock}, read as UTC whatever the clock's zone.
 */
@Entity
@Table(name = "user_agent_permissions")
public class UserAgentPermission extends PanacheEntityBase {

    @Id
    @Generated
    @Column(name = "id", updatable = false, nullable = false)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "granted_at", nullable = false)
    public LocalDateTime grantedAt;

    @Column(name = "expires_at")
    public LocalDateTime expiresAt;

    /** True once {@code expiresAt} has passed; a grant without expiry never expires. */
    public boolean isExpired(Clock clock) {
        return expiresAt != null && !expiresAt.isAfter(utcNow(clock));
    }

    /** True while the grant is still valid but expires within {@code hours}. */
    public boolean expiresSoon(long hours, Clock clock) {
        if (expiresAt == null || isExpired(clock)) {
            return false;
        }
        return !expiresAt.isAfter(utcNow(clock).plus(Duration.ofHours(hours)));
    }

    private static LocalDateTime utcNow(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
