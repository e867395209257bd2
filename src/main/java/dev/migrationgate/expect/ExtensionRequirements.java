package dev.migrationgate.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code gate.extensions.required} and {@code gate.extensions.optional} into one list of
 * {@link ExtensionRequirement}s. An extension may appear only once across both lists: listing it twice
 * would leave it ambiguous whether it blocks the gate and which version floor applies.
 */
public final class ExtensionRequirements {

    public static final String REQUIRED_KEY = "gate.extensions.required";
    public static final String OPTIONAL_KEY = "gate.extensions.optional";

    private ExtensionRequirements() {
    }

    /**
     * The required entries, then the optional ones, in configuration order.
     *
     * @throws IllegalArgumentException naming the key(s) when an entry is invalid or an extension is
     *         listed more than once
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
        for (String entry : entries) {
            ExtensionRequirement requirement = ExtensionRequirement.parse(key, entry, required);
            String earlierKey = keyByName.putIfAbsent(requirement.name(), key);
            if (earlierKey != null && earlierKey.equals(key)) {
                throw new IllegalArgumentException("Extension '" + requirement.name() + "' is listed twice in " + key
                        + ": list it once");
            }
            if (earlierKey != null) {
                throw new IllegalArgumentException("Extension '" + requirement.name() + "' is listed in both "
                        + earlierKey + " and " + key + ": list it in only one of them");
            }
            requirements.add(requirement);
        }
    }
}
