package ai.specora.localauthority;

import java.util.Map;

/**
 * Glob matching for action types and scope values: {@code *} matches any run of
 * characters (also none), {@code ?} exactly one; everything else literally and
 * case-sensitively.
 */
final class Globs {

	private Globs() {
	}

	/**
	 * Tells whether a value matches a glob pattern.
	 * @param pattern the glob
	 * @param value the value, {@code null} never matches
	 * @return whether it matches
	 */
	static boolean matches(String pattern, String value) {
		if (value == null) {
			return false;
		}
		int p = 0;
		int v = 0;
		int starAt = -1;
		int resumeAt = 0;
		while (v < value.length()) {
			if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
				p++;
				v++;
			}
			else if (p < pattern.length() && pattern.charAt(p) == '*') {
				starAt = p++;
				resumeAt = v;
			}
			else if (starAt >= 0) {
				p = starAt + 1;
				v = ++resumeAt;
			}
			else {
				return false;
			}
		}
		while (p < pattern.length() && pattern.charAt(p) == '*') {
			p++;
		}
		return p == pattern.length();
	}

	/**
	 * Tells whether an action matches an action type glob and scope matchers: every
	 * matcher key must be present in the scope with a value matching its glob.
	 * @param actionTypeGlob the action type glob
	 * @param scopeMatchers scope key to value glob
	 * @param actionType the action's type
	 * @param scope the action's scope
	 * @return whether all match
	 */
	static boolean matches(String actionTypeGlob, Map<String, String> scopeMatchers, String actionType,
			Map<String, String> scope) {
		if (!matches(actionTypeGlob, actionType)) {
			return false;
		}
		for (Map.Entry<String, String> matcher : scopeMatchers.entrySet()) {
			if (!matches(matcher.getValue(), scope.get(matcher.getKey()))) {
				return false;
			}
		}
		return true;
	}

}
