package dev.migrationgate.iam.api;

import dev.migrationgate.iam.auth.Passwords;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password: not empty, at least {@value Passwords#MIN_LENGTH} characters, at most
 * {@value Passwords#MAX_BYTES} bytes in UTF-8 (bcrypt's limit, refused rather than truncated). Null passes,
 * so {@code @NotNull} decides whether the field is required.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
public @interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks with {@link Passwords#problem}, reporting its words as the field's message. */
    class Validator implements ConstraintValidator<AcceptablePassword, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return Passwords.problem(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
