package dev.migrationgate.iam.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * bcrypt hashing and checking of passwords. Every check costs one bcrypt verification, whether or not
 * the account exists (a dummy hash of the same cost stands in), so timing does not reveal an email.
 */
@ApplicationScoped
public class Passwords {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
    public static final int MAX_BYTES = 72;

    /** The shortest password an account may get. */
    public static final int MIN_LENGTH = 8;

    private static final Logger LOG = Logger.getLogger(Passwords.class);

    private final int cost;
    private final String dummyHash;

    Passwords(IamConfig config) {
        this.cost = config.bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), cost);
    }

    /** Whether bcrypt can hash {@code password} without truncating it. */
    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** What is wrong with {@code password} as a new account password, if anything. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt's limit), not " + bytes);
        }
        return Optional.empty();
    }

    /** The bcrypt hash of a password that has no {@link #problem}. */
    public String hash(String password) {
        problem(password).ifPresent(p -> {
            throw new IllegalArgumentException("The password " + p);
        });
        return BcryptUtil.bcryptHash(password, cost);
    }

    /**
     * Whether {@code password} matches {@code storedHash}. Without a stored hash, or with a password that
     * cannot be right (empty, over-long), it still verifies against a dummy hash and answers false.
     */
    public boolean matches(char[] password, Optional<String> storedHash) {
        String candidate = new String(password);
        boolean plausible = !candidate.isEmpty() && fits(candidate);
        String hash = storedHash.filter(h -> plausible).orElse(dummyHash);
        boolean matched;
        try {
            matched = BcryptUtil.matches(plausible ? candidate : "-", hash);
        } catch (RuntimeException e) {
            LOG.errorf("A stored password hash is not a valid bcrypt hash (%s); the login is refused", e.getMessage());
            matched = false;
        }
        return matched && plausible && storedHash.isPresent();
    }
}
