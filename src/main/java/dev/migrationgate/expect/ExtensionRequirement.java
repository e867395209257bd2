package dev.migrationgate.expect;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code gate.extensions.required} or {@code gate.extensions.optional}: an extension
 * name, validated as an identifier, with an optional minimum version ({@code name>=version}).
 */
public record ExtensionRequirement(String name, Optional<String> minimumVersion, boolean required) {

    private static final Pattern ENTRY =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_-]{0,62})\\s*(?:>=\\s*([0-9]+(?:\\.[0-9]+)*)\\s*)?");

    /**
     * Parses one configuration entry.
     *
     * @param key the configuration key the entry came from, named in the error
     * @throws IllegalArgumentException naming the key, the entry and the accepted forms
     */
    public static ExtensionRequirement parse(String key, String entry, boolean required) {
        Matcher m = ENTRY.matcher(entry == null ? "" : entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid entry '" + entry + "' in " + key
                    + ": expected an extension name (letters, digits, '_' or '-', at most 63 characters,"
                    + " not starting with a digit) optionally followed by '>=' and a version such as 1.2");
        }
        return new ExtensionRequirement(m.group(1), Optional.ofNullable(m.group(2)), required);
    }

    /** Whether a created extension at {@code installedVersion} meets this requirement's floor. */
    public boolean satisfiedBy(String installedVersion) {
        return minimumVersion.map(min -> Versions.atLeast(installedVersion, min)).orElse(true);
    }

    /** The name as a quoted SQL identifier; safe to splice into DDL. */
    public String quotedName() {
        return '"' + name + '"';
    }
}
