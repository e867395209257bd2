package dev.migrationgate.check;

import static dev.migrationgate.check.Fixtures.codes;
import static dev.migrationgate.check.Fixtures.given;
import static dev.migrationgate.check.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumsCheckTest {

    private static final String[] ROLES = {"sysadmin", "admin", "user"};

    private final EnumsCheck check = new EnumsCheck();

    private Fixtures rolesMappedOn(String... dbLabels) {
        return given().expectNamedEnum("users", "role", "userrole", ROLES)
                .enumType("userrole", dbLabels).enumColumn("users", "role", "userrole");
    }

    @Test
    void passesWhenTheNamedTypeHasExactlyJavasLabelsInJavasOrder() {
        assertEquals(List.of(), rolesMappedOn(ROLES).run(check));
    }

    @Test
    void reportsCaseMismatchWithRenameFix() {
        List<Finding> findings = rolesMappedOn("SYSADMIN", "ADMIN", "USER").run(check);
        assertEquals(List.of(FindingCode.ENUM_CASE_MISMATCH), codes(findings), "not also missing and unmapped");
        Finding finding = findings.get(0);
        assertEquals("userrole", finding.object());
        assertEquals("'sysadmin', 'admin', 'user'", finding.expected());
        assertEquals("'SYSADMIN', 'ADMIN', 'USER'", finding.actual());
        assertEquals("""
                ALTER TYPE "public"."userrole" RENAME VALUE 'SYSADMIN' TO 'sysadmin';
                ALTER TYPE "public"."userrole" RENAME VALUE 'ADMIN' TO 'admin';
                ALTER TYPE "public"."userrole" RENAME VALUE 'USER' TO 'user';""", finding.fix());
        assertTrue(finding.message().contains("'ADMIN' -> 'admin'"), finding.message());
    }

    @Test
    void reportsMissingLabelWithAddValueKeepingJavasOrder() {
        Finding finding = only(rolesMappedOn("admin").run(check), FindingCode.ENUM_LABEL_MISSING);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("""
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'sysadmin' BEFORE 'admin';
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'user' AFTER 'admin';""", finding.fix());
        assertTrue(finding.message().contains("'sysadmin', 'user'"), finding.message());
    }

    @Test
    void chainsAddedLabelsAfterEachOtherAndAddsPlainlyToAnEmptyType() {
        Finding finding = only(given().expectNamedEnum("users", "role", "userrole", ROLES)
                .enumType("userrole").enumColumn("users", "role", "userrole").run(check), FindingCode.ENUM_LABEL_MISSING);
        assertEquals("""
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'sysadmin';
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'admin' AFTER 'sysadmin';
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'user' AFTER 'admin';""", finding.fix());
    }

    @Test
    void anchorsAddedLabelsOnJavasSpellingBecauseTheRenamesRunFirst() {
        List<Finding> findings = rolesMappedOn("ADMIN").run(check);
        assertEquals(List.of(FindingCode.ENUM_CASE_MISMATCH, FindingCode.ENUM_LABEL_MISSING), codes(findings));
        assertTrue(FindingCode.ENUM_CASE_MISMATCH.compareTo(FindingCode.ENUM_LABEL_MISSING) < 0, "report order");
        assertEquals("""
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'sysadmin' BEFORE 'admin';
                ALTER TYPE "public"."userrole" ADD VALUE IF NOT EXISTS 'user' AFTER 'admin';""",
                only(findings, FindingCode.ENUM_LABEL_MISSING).fix());
    }

    @Test
    void reportsUnmappedLabelDescribedWithoutSql() {
        List<Finding> findings = rolesMappedOn("sysadmin", "admin", "user", "superuser").run(check);
        Finding finding = only(findings, FindingCode.ENUM_LABEL_UNMAPPED);
        assertEquals(List.of(FindingCode.ENUM_LABEL_UNMAPPED), codes(findings));
        assertNull(finding.fix());
        assertTrue(finding.message().contains("'superuser'"), finding.message());
        assertTrue(finding.message().contains("destructive"), finding.message());
    }

    @Test
    void reportsALabelMatchingOnlyByCaseAsUnmappedWhenTheExactLabelExistsToo() {
        List<Finding> findings = rolesMappedOn("sysadmin", "admin", "ADMIN", "user").run(check);
        assertEquals(List.of(FindingCode.ENUM_LABEL_UNMAPPED), codes(findings));
        assertTrue(findings.get(0).message().contains("'ADMIN'"), findings.get(0).message());
    }

    @Test
    void reportsOrderDifferenceAsADescribedWarning() {
        Finding finding = only(rolesMappedOn("user", "admin", "sysadmin").run(check), FindingCode.ENUM_ORDER_DIFFERS);
        assertEquals(Severity.WARNING, finding.severity());
        assertNull(finding.fix());
        assertTrue(finding.message().contains("orders its labels 'user', 'admin', 'sysadmin'"), finding.message());
    }

    @Test
    void comparesOrderThroughCaseRenames() {
        List<Finding> findings = rolesMappedOn("USER", "ADMIN", "SYSADMIN").run(check);
        assertEquals(List.of(FindingCode.ENUM_CASE_MISMATCH, FindingCode.ENUM_ORDER_DIFFERS), codes(findings));
    }

    @Test
    void reportsTypeFindingsOncePerTypeSharedByColumns() {
        List<Finding> findings = given()
                .expectNamedEnum("users", "role", "userrole", ROLES)
                .expectNamedEnum("invites", "role", "userrole", ROLES)
                .enumType("userrole", "SYSADMIN", "ADMIN", "USER")
                .enumColumn("users", "role", "userrole").enumColumn("invites", "role", "userrole")
                .run(check);
        Finding finding = only(findings, FindingCode.ENUM_CASE_MISMATCH);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(finding.message().contains("(users.role, invites.role)"), finding.message());
    }

    @Test
    void reportsMissingTypeOnceWithCreateTypeFix() {
        List<Finding> findings = given()
                .expectNamedEnum("users", "role", "userrole", ROLES)
                .expectNamedEnum("invites", "role", "userrole", ROLES)
                .column("users", "id", "uuid", "uuid").column("invites", "id", "uuid", "uuid")
                .run(check);
        Finding finding = only(findings, FindingCode.ENUM_TYPE_MISSING);
        assertEquals("userrole", finding.object());
        assertEquals("CREATE TYPE \"userrole\" AS ENUM ('sysadmin', 'admin', 'user');", finding.fix());
        assertTrue(finding.message().contains("users.role, invites.role"), finding.message());
    }

    @Test
    void reportsAMissingColumnAsColumnTypeMismatchWithoutFix() {
        Finding finding = only(given().expectNamedEnum("users", "role", "userrole", ROLES).enumType("userrole", ROLES)
                .column("users", "id", "uuid", "uuid").run(check), FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertEquals("users.role", finding.object());
        assertEquals("enum type userrole", finding.expected());
        assertEquals("column missing", finding.actual());
        assertNull(finding.fix());
    }

    @Test
    void reportsAMissingTableAsColumnTypeMismatchAndStillChecksTheType() {
        List<Finding> findings = given().expectNamedEnum("users", "role", "userrole", ROLES)
                .enumType("userrole", "SYSADMIN", "ADMIN", "USER").run(check);
        assertEquals(List.of(FindingCode.ENUM_COLUMN_TYPE_MISMATCH, FindingCode.ENUM_CASE_MISMATCH), codes(findings));
        assertEquals("table missing", findings.get(0).actual());
        assertTrue(findings.get(0).message().contains("table users does not exist"), findings.get(0).message());
    }

    @Test
    void reportsACharacterColumnForANamedEnumWithAConversionThatKeepsTheDefault() {
        Finding finding = only(given().expectNamedEnum("users", "role", "userrole", ROLES).enumType("userrole", ROLES)
                .column("users", "role", "character varying(20)", "varchar").run(check),
                FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertEquals("character varying(20)", finding.actual());
        assertEquals("""
                DO $fix$
                DECLARE
                    column_default text;
                BEGIN
                    SELECT pg_get_expr(d.adbin, d.adrelid) INTO column_default FROM pg_attrdef d
                        JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                        WHERE a.attrelid = '"public"."users"'::regclass AND a.attname = 'role';
                    ALTER TABLE "public"."users" ALTER COLUMN "role" DROP DEFAULT;
                    ALTER TABLE "public"."users" ALTER COLUMN "role" TYPE "public"."userrole" USING "role"::text::"public"."userrole";
                    IF column_default IS NOT NULL THEN
                        EXECUTE 'ALTER TABLE "public"."users" ALTER COLUMN "role" SET DEFAULT (' || column_default || ')::text::"public"."userrole"';
                    END IF;
                END
                $fix$;""", finding.fix());
    }

    @Test
    void convertsToTheTypeTheCreateTypeFixMakesWhenTheTypeIsMissing() {
        List<Finding> findings = given().expectNamedEnum("users", "role", "userrole", ROLES)
                .column("users", "role", "text", "text").run(check);
        assertEquals(List.of(FindingCode.ENUM_COLUMN_TYPE_MISMATCH, FindingCode.ENUM_TYPE_MISSING), codes(findings));
        assertTrue(findings.get(0).fix().contains("TYPE \"userrole\" USING \"role\"::text::\"userrole\";"),
                findings.get(0).fix());
    }

    @Test
    void reportsAColumnOfAnotherEnumTypeAndComparesTheLabelsOfBothTypes() {
        List<Finding> findings = given().expectNamedEnum("users", "role", "userrole", ROLES)
                .enumType("userrole", ROLES).enumType("user_role", "SYSADMIN", "ADMIN", "USER")
                .enumColumn("users", "role", "user_role").run(check);
        assertEquals(List.of(FindingCode.ENUM_COLUMN_TYPE_MISMATCH, FindingCode.ENUM_CASE_MISMATCH), codes(findings));
        assertEquals("user_role", findings.get(1).object());
        assertTrue(findings.get(0).fix().contains("USING \"role\"::text::\"public\".\"userrole\""), findings.get(0).fix());
    }

    @Test
    void describesAnIntegerColumnForANamedEnumWithoutFix() {
        Finding finding = only(given().expectNamedEnum("users", "role", "userrole", ROLES).enumType("userrole", ROLES)
                .column("users", "role", "integer", "int4").run(check), FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertNull(finding.fix());
        assertTrue(finding.message().contains("USING CASE"), finding.message());
    }

    @Test
    void passesAStringEnumOnALongEnoughCharacterColumnOrText() {
        assertEquals(List.of(), given().expectStringEnum("users", "role", ROLES)
                .column("users", "role", "character varying(8)", "varchar").run(check));
        assertEquals(List.of(), given().expectStringEnum("users", "role", ROLES)
                .column("users", "role", "text", "text").run(check));
        assertEquals(List.of(), given().expectStringEnum("users", "role", ROLES)
                .column("users", "role", "character varying", "varchar").run(check));
    }

    @Test
    void reportsATooShortCharacterColumnWithAWideningFix() {
        Finding finding = only(given().expectStringEnum("users", "role", ROLES)
                .column("users", "role", "character varying(5)", "varchar").run(check),
                FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertEquals("a character type holding 8 characters, or an enum type", finding.expected());
        assertEquals("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"role\" TYPE character varying(8);", finding.fix());
    }

    @Test
    void reportsABlankPaddedColumnWithAConversionToVarchar() {
        Finding finding = only(given().expectStringEnum("users", "role", ROLES)
                .column("users", "role", "character(10)", "bpchar").run(check), FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertEquals("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"role\" TYPE character varying(10);", finding.fix());
        assertTrue(finding.message().contains("pads"), finding.message());
        assertEquals(List.of(), given().expectStringEnum("t", "c", "ab", "cd").column("t", "c", "character(2)", "bpchar")
                .run(check));
    }

    @Test
    void comparesTheLabelsOfAnEnumTypeBehindAStringColumn() {
        List<Finding> findings = given().expectStringEnum("users", "role", ROLES)
                .enumType("userrole", "SYSADMIN", "ADMIN", "USER").enumColumn("users", "role", "userrole").run(check);
        assertEquals(List.of(FindingCode.ENUM_CASE_MISMATCH), codes(findings));
        assertEquals(List.of(), given().expectStringEnum("users", "role", ROLES)
                .enumType("userrole", ROLES).enumColumn("users", "role", "userrole").run(check));
    }

    @Test
    void reportsANonCharacterColumnForAStringEnumWithoutFix() {
        Finding finding = only(given().expectStringEnum("users", "role", ROLES)
                .column("users", "role", "smallint", "int2").run(check), FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertEquals("a character type or an enum type", finding.expected());
        assertNull(finding.fix());
    }

    @Test
    void passesAnOrdinalEnumOnAnyIntegerType() {
        for (String[] type : new String[][] {{"smallint", "int2"}, {"integer", "int4"}, {"bigint", "int8"}}) {
            assertEquals(List.of(), given().expectOrdinalEnum("users", "role", ROLES)
                    .column("users", "role", type[0], type[1]).run(check));
        }
    }

    @Test
    void reportsANonIntegerColumnForAnOrdinalEnumWithoutComparingLabels() {
        List<Finding> findings = given().expectOrdinalEnum("users", "role", ROLES)
                .enumType("userrole", "X").enumColumn("users", "role", "userrole").run(check);
        assertEquals(List.of(FindingCode.ENUM_COLUMN_TYPE_MISMATCH), codes(findings));
        assertEquals("an integer type (smallint, integer or bigint)", findings.get(0).expected());
        assertNull(findings.get(0).fix());
    }

    @Test
    void quotesTypeNamesAndLabelsInFixes() {
        Finding finding = only(given().expectNamedEnum("t", "c", "we\"ird", "it's", "ok")
                .enumType("we\"ird", "ok").enumColumn("t", "c", "we\"ird").run(check), FindingCode.ENUM_LABEL_MISSING);
        assertEquals("ALTER TYPE \"public\".\"we\"\"ird\" ADD VALUE IF NOT EXISTS 'it''s' BEFORE 'ok';", finding.fix());
    }

    @Test
    void resolvesTheNamedTypeInTheColumnsSchemaFirst() {
        List<Finding> findings = given().expectNamedEnum("users", "role", "userrole", ROLES)
                .enumTypeIn("other", "userrole", "X").enumTypeIn("app", "userrole", ROLES)
                .column("app", "users", "role", "text", "text").run(check);
        Finding finding = only(findings, FindingCode.ENUM_COLUMN_TYPE_MISMATCH);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(finding.fix().contains("\"app\".\"userrole\""), finding.fix());
    }
}
