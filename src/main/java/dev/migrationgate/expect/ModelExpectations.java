package dev.migrationgate.expect;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableMappingType;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.PropertyBasedMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * Derives the {@link Expectations} from Hibernate ORM's runtime mapping model, so that every mapped enum
 * and temporal column is checked without a hand-kept list: an entity added to the persistence unit is
 * covered by the next start-up. Enum labels and temporal families come from the JDBC mapping Hibernate
 * resolved for each attribute (converters, {@code @EnumeratedValue}, named enum types, time-zone storage),
 * not from the Java types alone.
 */
public final class ModelExpectations {

    private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern LEADING_TYPE_NAME =
            Pattern.compile("\\s*(" + IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")*)");
    private static final Set<String> CHARACTER_TYPES =
            Set.of("varchar", "character", "char", "bpchar", "text", "citext", "name");

    private ModelExpectations() {
    }

    /**
     * The expectations of every entity mapped by {@code sessionFactory}, with the given extension
     * requirements.
     */
    public static Expectations derive(SessionFactory sessionFactory, List<ExtensionRequirement> extensions) {
        SessionFactoryImplementor factory = sessionFactory.unwrap(SessionFactoryImplementor.class);
        Derivation derivation = new Derivation(factory.getWrapperOptions());
        factory.getMappingMetamodel().streamEntityDescriptors()
                .sorted(Comparator.<EntityPersister>comparingInt(ModelExpectations::inheritanceDepth)
                        .thenComparing(EntityPersister::getEntityName))
                .forEach(derivation::entity);
        factory.getMappingMetamodel().forEachCollectionDescriptor(
                collection -> derivation.tables.add(foldIdentifier(collection.getTableName())));
        return new Expectations(sorted(derivation.enums.values(), EnumExpectation::table, EnumExpectation::column),
                sorted(derivation.temporals.values(), TemporalExpectation::table, TemporalExpectation::column),
                extensions, derivation.tables);
    }

    private static int inheritanceDepth(EntityMappingType entity) {
        int depth = 0;
        for (EntityMappingType type = entity.getSuperMappingType(); type != null; type = type.getSuperMappingType()) {
            depth++;
        }
        return depth;
    }

    private static <T> List<T> sorted(Collection<T> values, Function<T, String> table, Function<T, String> column) {
        return values.stream().sorted(Comparator.comparing(table).thenComparing(column)).toList();
    }

    /**
     * An SQL identifier, possibly qualified, as PostgreSQL stores it: unquoted parts folded to lower case,
     * quoted parts kept verbatim without their quotes.
     */
    static String foldIdentifier(String expression) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < expression.length() && expression.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else if (quoted) {
                part.append(c);
            } else if (!Character.isWhitespace(c)) {
                part.append(foldAscii(c));
            }
        }
        parts.add(part.toString());
        return String.join(".", parts);
    }

    private static char foldAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * The type a {@code columnDefinition} declares, unqualified and folded, or empty when the definition
     * does not start with a type name.
     */
    static Optional<String> declaredTypeName(String columnDefinition) {
        Matcher m = LEADING_TYPE_NAME.matcher(columnDefinition);
        if (columnDefinition.isBlank() || !m.lookingAt()) {
            return Optional.empty();
        }
        String qualified = foldIdentifier(m.group(1));
        return Optional.of(qualified.substring(qualified.lastIndexOf('.') + 1));
    }

    /** One walk over the mapping model, collecting expectations keyed by column. */
    private static final class Derivation {

        private final WrapperOptions wrapperOptions;
        private final Map<String, EnumExpectation> enums = new LinkedHashMap<>();
        private final Map<String, TemporalExpectation> temporals = new LinkedHashMap<>();
        private final Set<String> tables = new TreeSet<>();

        Derivation(WrapperOptions wrapperOptions) {
            this.wrapperOptions = wrapperOptions;
        }

        void entity(EntityPersister persister) {
            Arrays.stream(persister.getQuerySpaces()).forEach(space -> tables.add(foldIdentifier(space.toString())));
            Overrides overrides = Overrides.of(persister.getMappedClass());
            String entity = persister.getJpaEntityName();
            EntityIdentifierMapping id = persister.getIdentifierMapping();
            String idPath = id.getNature() == EntityIdentifierMapping.Nature.VIRTUAL ? "" : id.getAttributeName();
            part(entity, id, idPath, member(id), overrides);
            persister.visitDeclaredAttributeMappings(
                    attribute -> part(entity, attribute, attribute.getAttributeName(), member(attribute), overrides));
        }

        private void part(String entity, ModelPart part, String path, Optional<AnnotatedElement> member,
                Overrides overrides) {
            if (part instanceof PluralAttributeMapping plural) {
                Overrides nested = overrides.within(path, member);
                part(entity, plural.getElementDescriptor(), path, member, nested);
                if (plural.getIndexDescriptor() != null) {
                    part(entity, plural.getIndexDescriptor(), path + ".key", Optional.empty(), nested);
                }
            } else if (part instanceof EmbeddableValuedModelPart embedded) {
                EmbeddableMappingType embeddable = embedded.getEmbeddableTypeDescriptor();
                if (embeddable.getAggregateMapping() == null) {
                    Overrides nested = overrides.within(path, member);
                    String prefix = path.isEmpty() ? "" : path + ".";
                    embeddable.forEachAttributeMapping(attribute -> part(entity, attribute,
                            prefix + attribute.getAttributeName(), member(attribute), nested));
                }
            } else if (part instanceof BasicValuedModelPart basic && !basic.isFormula()) {
                column(entity, basic, path, overrides.columnDefinition(path, member));
            }
        }

        private void column(String entity, BasicValuedModelPart basic, String path, String columnDefinition) {
            String table = foldIdentifier(basic.getContainingTableExpression());
            String column = foldIdentifier(basic.getSelectionExpression());
            String key = table + "." + column;
            Class<?> javaType = basic.getJavaType().getJavaTypeClass();
            JdbcMapping mapping = basic.getJdbcMapping();
            JdbcType jdbcType = mapping.getJdbcType();
            if (Enum.class.isAssignableFrom(javaType)) {
                storage(jdbcType, columnDefinition).ifPresent(storage -> enums.putIfAbsent(key,
                        new EnumExpectation(entity, path, table, column, javaType.getSimpleName(), storage,
                                enumType(storage, columnDefinition, javaType),
                                storage == EnumStorage.ORDINAL ? List.of() : labels(mapping, javaType))));
            }
            family(jdbcType.getDdlTypeCode()).ifPresent(family -> temporals.putIfAbsent(key,
                    new TemporalExpectation(entity, path, table, column, javaType.getSimpleName(), family)));
        }

        /**
         * PostgreSQL's named enum JDBC type, or a character mapping whose {@code columnDefinition} names a
         * non-character type (a converter onto an enum column), is NAMED_ENUM; other character mappings
         * are STRING, integer ones ORDINAL; anything else is not checked as an enum.
         */
        private static Optional<EnumStorage> storage(JdbcType jdbcType, String columnDefinition) {
            if (jdbcType instanceof PostgreSQLEnumJdbcType) {
                return Optional.of(EnumStorage.NAMED_ENUM);
            }
            int code = jdbcType.getDdlTypeCode();
            if (SqlTypes.isCharacterType(code)) {
                boolean ontoEnumColumn =
                        declaredTypeName(columnDefinition).filter(type -> !CHARACTER_TYPES.contains(type)).isPresent();
                return Optional.of(ontoEnumColumn ? EnumStorage.NAMED_ENUM : EnumStorage.STRING);
            }
            return SqlTypes.isIntegral(code) ? Optional.of(EnumStorage.ORDINAL) : Optional.empty();
        }

        private static Optional<String> enumType(EnumStorage storage, String columnDefinition, Class<?> javaType) {
            if (storage != EnumStorage.NAMED_ENUM) {
                return Optional.empty();
            }
            return declaredTypeName(columnDefinition).or(() -> Optional.of(foldIdentifier(javaType.getSimpleName())));
        }

        @SuppressWarnings("unchecked")
        private List<String> labels(JdbcMapping mapping, Class<?> enumClass) {
            JavaType<Object> jdbcJavaType = (JavaType<Object>) mapping.getJdbcJavaType();
            List<String> labels = new ArrayList<>();
            for (Object constant : enumClass.getEnumConstants()) {
                Object relational = mapping.convertToRelationalValue(constant);
                if (relational != null) {
                    labels.add(jdbcJavaType.unwrap(relational, String.class, wrapperOptions));
                }
            }
            return labels;
        }

        /** {@code TIME_UTC} is time normalised to UTC, which Hibernate declares {@code time without time zone}. */
        private static Optional<TemporalFamily> family(int ddlTypeCode) {
            return Optional.ofNullable(switch (ddlTypeCode) {
                case SqlTypes.TIMESTAMP -> TemporalFamily.TIMESTAMP;
                case SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC -> TemporalFamily.TIMESTAMPTZ;
                case SqlTypes.DATE -> TemporalFamily.DATE;
                case SqlTypes.TIME, SqlTypes.TIME_UTC -> TemporalFamily.TIME;
                case SqlTypes.TIME_WITH_TIMEZONE -> TemporalFamily.TIMETZ;
                default -> null;
            });
        }

        private static Optional<AnnotatedElement> member(ModelPart part) {
            if (part instanceof PropertyBasedMapping property && property.getPropertyAccess() != null) {
                Member member = property.getPropertyAccess().getGetter().getMember();
                if (member instanceof AnnotatedElement annotated) {
                    return Optional.of(annotated);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The {@code @AttributeOverride}s in scope of an attribute, outermost first (JPA lets the outermost
     * override win), used to find the attribute's {@code columnDefinition}.
     */
    private record Overrides(List<Map.Entry<String, AnnotatedElement>> holders) {

        static Overrides of(Class<?> entityClass) {
            return new Overrides(List.of(Map.entry("", entityClass)));
        }

        Overrides within(String path, Optional<AnnotatedElement> member) {
            if (member.isEmpty()) {
                return this;
            }
            List<Map.Entry<String, AnnotatedElement>> nested = new ArrayList<>(holders);
            nested.add(Map.entry(path, member.get()));
            return new Overrides(nested);
        }

        String columnDefinition(String path, Optional<AnnotatedElement> member) {
            for (Map.Entry<String, AnnotatedElement> holder : holders) {
                String prefix = holder.getKey().isEmpty() ? "" : holder.getKey() + ".";
                if (!path.startsWith(prefix)) {
                    continue;
                }
                String relative = path.substring(prefix.length());
                for (AttributeOverride override : holder.getValue().getAnnotationsByType(AttributeOverride.class)) {
                    if (override.name().equals(relative) && !override.column().columnDefinition().isBlank()) {
                        return override.column().columnDefinition();
                    }
                }
            }
            return member.map(m -> m.getAnnotation(Column.class)).map(Column::columnDefinition).orElse("");
        }
    }
}
