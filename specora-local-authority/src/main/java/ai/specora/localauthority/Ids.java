package ai.specora.localauthority;

import java.util.UUID;

/**
 * Makes the random ids of journal entries, approvals, reservations, executions and
 * events: a prefix such as {@code jrn_} and 32 hex digits.
 */
final class Ids {

	private Ids() {
	}

	static String newId(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "");
	}

}
