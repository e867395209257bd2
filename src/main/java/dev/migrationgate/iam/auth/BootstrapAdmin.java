package dev.migrationgate.iam.auth;

import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditTrail;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDateTime;
import org.jboss.logging.Logger;

/**
 * Creates the first sysadmin from {@code IAM_BOOTSTRAP_ADMIN_EMAIL} and {@code IAM_BOOTSTRAP_ADMIN_PASSWORD}
 * when no sysadmin exists. It runs before the first authentication of the process, which the API's
 * gate holds back until the schema is migrated; replicas serialise on an advisory lock. Without the two
 * variables nothing is created and the log says that no account can log in.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);
    private static final String VARIABLES = "IAM_BOOTSTRAP_ADMIN_EMAIL and IAM_BOOTSTRAP_ADMIN_PASSWORD";

    private final IamConfig.BootstrapAdmin config;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final Clock clock;
    private volatile boolean done;

    BootstrapAdmin(IamConfig config, Passwords passwords, AuditTrail audit, EntityManager entityManager, Clock clock) {
        this.config = config.bootstrapAdmin();
        this.passwords = passwords;
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            LOG.warnf("%s are not set: unless a sysadmin account already exists, no account can log in and the"
                    + " API answers 401 to every request", VARIABLES);
        }
    }

    /** Makes sure a sysadmin exists, or that the log says why none does; does its work once per process. */
    public void ensure() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (!done) {
                QuarkusTransaction.requiringNew().run(this::createWhenMissing);
                done = true;
            }
        }
    }

    private void createWhenMissing() {
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS l")
                .setParameter("key", "migration-gate.iam-bootstrap").getSingleResult();
        if (User.count("role", UserRole.SYSADMIN) > 0) {
            return;
        }
        if (config.email().isEmpty() || config.password().isEmpty()) {
            LOG.warnf("No sysadmin account exists and %s are not set: no account can log in yet. Set both and"
                    + " restart to create the first sysadmin", VARIABLES);
            return;
        }
        String email = User.normaliseEmail(config.email().get());
        String password = config.password().get();
        if (!email.matches("\\p{ASCII}+@\\p{ASCII}+")) {
            LOG.error("No sysadmin created: IAM_BOOTSTRAP_ADMIN_EMAIL must be an email of ASCII characters");
            return;
        }
        var problem = Passwords.problem(password);
        if (problem.isPresent()) {
            LOG.errorf("No sysadmin created: IAM_BOOTSTRAP_ADMIN_PASSWORD %s", problem.get());
            return;
        }
        User existing = User.findByEmail(email);
        if (existing != null) {
            LOG.errorf("No sysadmin created: %s already belongs to an account with role %s; give"
                    + " IAM_BOOTSTRAP_ADMIN_EMAIL another email or promote that account in the database", email,
                    existing.role.value());
            return;
        }
        User admin = new User();
        admin.email = email;
        admin.passwordHash = passwords.hash(password);
        admin.role = UserRole.SYSADMIN;
        admin.createdAt = LocalDateTime.now(clock);
        admin.updatedAt = admin.createdAt;
        admin.persistAndFlush();
        audit.record(admin.id, AuditAction.CREATE, AuditTrail.USER, admin.id.toString(), null);
        LOG.infof("Created the first sysadmin account %s from IAM_BOOTSTRAP_ADMIN_EMAIL", email);
    }
}
