package dev.migrationgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumeratedValue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** The two rules the seed's bugs call for, as ArchUnit rules shared by the test and its self-test. */
final class ArchitectureRules {

    private static final Set<Class<?>> TEMPORAL_TYPES = Set.of(LocalDateTime.class, LocalDate.class,
            LocalTime.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class);

    private ArchitectureRules() {
    }

    /** "Now" comes from an injected {@link Clock}: no zone-less {@code now()}, no JVM default zone. */
    static final ArchRule NOW_COMES_FROM_A_CLOCK = noClasses()
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>(
                    "a no-argument java.time now(), Clock.systemDefaultZone() or ZoneId.systemDefault()") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String name = call.getName();
                    JavaClass owner = call.getTargetOwner();
                    boolean zonelessNow = name.equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
                            && TEMPORAL_TYPES.stream().anyMatch(owner::isEquivalentTo);
                    boolean defaultZone = (owner.isEquivalentTo(Clock.class) && name.equals("systemDefaultZone"))
                            || (owner.isEquivalentTo(ZoneId.class) && name.equals("systemDefault"));
                    return zonelessNow || defaultZone;
                }
            })
            .because("domain time must come from the injected UTC Clock, never from the JVM's default zone");

    /** Enum attributes of entities persist an explicit value, never the constant's name or ordinal. */
    static final ArchRule ENUMS_PERSIST_VALUES = fields()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
            .and(new DescribedPredicate<JavaField>("are of an enum type") {
                @Override
                public boolean test(JavaField field) {
                    return field.getRawType().isEnum();
                }
            })
            .should(new ArchCondition<JavaField>("persist a value (@Convert, or @Enumerated(STRING) of an enum"
                    + " with an @EnumeratedValue field)") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    boolean converted = field.isAnnotatedWith(Convert.class);
                    boolean byValue = field.tryGetAnnotationOfType(Enumerated.class)
                            .map(e -> e.value() == EnumType.STRING).orElse(false)
                            && field.getRawType().getFields().stream()
                                    .anyMatch(f -> f.isAnnotatedWith(EnumeratedValue.class));
                    if (!converted && !byValue) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                + " persists its enum's names or ordinals; add an @EnumeratedValue field to "
                                + field.getRawType().getSimpleName() + " and map it @Enumerated(STRING), or @Convert it"));
                    }
                }
            })
            .allowEmptyShould(true);
}
