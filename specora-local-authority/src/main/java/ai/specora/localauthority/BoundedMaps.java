package ai.specora.localauthority;

import java.util.Map;

/**
 * Puts into insertion-ordered maps that hold at most a given number of entries, the
 * oldest going first.
 */
final class BoundedMaps {

	private BoundedMaps() {
	}

	/**
	 * Puts a value; a new key in a full map evicts the oldest entry first.
	 * @param map an insertion-ordered map
	 * @param key the key
	 * @param value the value
	 * @param capacity the most entries kept
	 */
	static <K, V> void put(Map<K, V> map, K key, V value, int capacity) {
		if (!map.containsKey(key) && map.size() >= capacity) {
			map.remove(map.keySet().iterator().next());
		}
		map.put(key, value);
	}

}
