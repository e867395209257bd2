package dev.migrationgate.iam.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Login security of the IAM API ({@code iam.*}, each overridable by an environment variable). */
@ConfigMapping(prefix = "iam")
public interface IamConfig {

    Lockout lockout();

    /** bcrypt cost (log2 of the rounds) of new password hashes and of the unknown-email check. */
    @WithDefault("10")
    @Min(4)
    @Max(31)
    int bcryptCost();

    /** A successful login writes {@code users.last_login_at} (and a {@code login} audit entry) at most this often. */
    @WithDefault("1m")
    Duration lastLoginInterval();

    BootstrapAdmin bootstrapAdmin();

    /** When consecutive failed logins lock an account. */
    interface Lockout {

        /** Consecutive failed logins after which the account is locked. */
        @WithDefault("5")
        @Min(1)
        int maxFailures();

        /** How long a locked account refuses even the right password. */
        @WithDefault("15m")
        Duration duration();
    }

    /**
     * The first sysadmin, created when no sysadmin exists ({@code IAM_BOOTSTRAP_ADMIN_EMAIL},
     * {@code IAM_BOOTSTRAP_ADMIN_PASSWORD}); there is no default.
     */
    interface BootstrapAdmin {

        Optional<String> email();

        Optional<String> password();
    }
}
