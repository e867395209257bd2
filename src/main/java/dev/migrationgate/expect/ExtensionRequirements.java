package dev.migrationgate.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code gate.extensions.required} and {@code gate.extensions.optional} into one list of
 * {@link ExtensionRequirement}s. An extension listed as required and as optional is required (so a
 * deployment can make the default optional {@code vector} required without clearing the optional list);
 * listed twice in one list it is ambiguous which version floor applies, and rejected. The single entry
 * {@value #NONE} stands for an empty list, since an empty configuration value means "use the default".
 */
public final class ExtensionRequirements {

    public static final String REQUIRED_KEY = "gate.extensions.required";
    public static final String OPTIONAL_KEY = "gate.extensions.optional";
    /** The entry that makes a list empty. */
    public static final String NONE = "none";

    private ExtensionRequirements() {
    }

    /**
     * The required entries, then the optional ones, in configuration order.
     *
     * @throws IllegalArgumentException naming the key when an entry is invalid or an extension is listed
     *         twice in one list
     */
    public static List<ExtensionRequirement> parse(List<String> required, List<String> optional) {
        Map<String, String> keyByName = new LinkedHashMap<>();
        List<ExtensionRequirement> requirements = new ArrayList<>();
        addAll(REQUIRED_KEY, required, true, keyByName, requirements);
        addAll(OPTIONAL_KEY, optional, false, keyByName, requirements);
        return List.copyOf(requirements);
    }

    private static void addAll(String key, List<String> entries, boolean required, Map<String, String> keyByName,
            List<ExtensionRequirement> requirements) {
        if (entries.size() == 1 && entries.get(0).trim().equals(NONE)) {
            return;
        }
        for (String entry : entries) {
            ExtensionRequirement requirement = ExtensionRequirement.parse(key, entry, required);
            String earlierKey = keyByName.putIfAbsent(requirement.name(), key);
            if (earlierKey != null && earlierKey.equals(key)) {
                throw new IllegalArgumentException("Extension '" + requirement.name() + "' is listed twice in " + key
                        + ": list it once");
            }
            if (earlierKey == null) {
                requirements.add(requirement);
            }
        }
    }
}
