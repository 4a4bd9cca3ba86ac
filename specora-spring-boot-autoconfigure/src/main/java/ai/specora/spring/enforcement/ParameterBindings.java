package ai.specora.spring.enforcement;

import java.util.HashMap;
import java.util.Map;

/**
 * The variables of an {@code @Enforced} method's expressions, resolved once at
 * start-up: each parameter by name (when compiled with {@code -parameters}) and as
 * {@code p<i>} and {@code a<i>}.
 */
final class ParameterBindings {

	private final Map<String, Integer> indexes;

	private final boolean namesAvailable;

	private ParameterBindings(Map<String, Integer> indexes, boolean namesAvailable) {
		this.indexes = indexes;
		this.namesAvailable = namesAvailable;
	}

	static ParameterBindings of(int parameterCount, String[] names) {
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < parameterCount; i++) {
			indexes.put("p" + i, i);
			indexes.put("a" + i, i);
		}
		if (names != null) {
			for (int i = 0; i < names.length; i++) {
				indexes.putIfAbsent(names[i], i);
			}
		}
		return new ParameterBindings(Map.copyOf(indexes), names != null);
	}

	int indexOf(String name) {
		Integer index = this.indexes.get(name);
		return (index != null) ? index : -1;
	}

	boolean contains(String name) {
		return this.indexes.containsKey(name);
	}

	boolean namesAvailable() {
		return this.namesAvailable;
	}

}
