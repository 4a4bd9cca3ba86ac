package ai.specora.localauthority;

import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * Replays the answer of a POST retried with the same {@code Idempotency-Key}, so that
 * a client's retry does not charge a budget twice; the same key with another request
 * is 409 {@code idempotency_conflict}. Bounded: the oldest keys are forgotten first.
 * Not thread-safe: guarded by the {@link PlatformEngine}'s lock.
 */
final class IdempotentReplies {

	private final int capacity;

	private final LinkedHashMap<String, Reply> replies = new LinkedHashMap<>();

	IdempotentReplies(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Answers the prior response to this key and request, or computes, remembers and
	 * returns a new one. Without a key, just computes. Failures are not remembered.
	 * @param operation the operation, keys are per operation
	 * @param key the {@code Idempotency-Key}, or {@code null}
	 * @param request the parsed request, compared with {@code equals}
	 * @param answer computes the response
	 * @return the response
	 */
	<T> T answer(String operation, String key, Object request, Supplier<T> answer) {
		if (key == null) {
			return answer.get();
		}
		String slot = operation + " " + key;
		Reply prior = this.replies.get(slot);
		if (prior != null) {
			if (!prior.request().equals(request)) {
				throw LocalAuthorityException.conflict("idempotency_conflict",
						"Idempotency-Key " + key + " was already used with a different request");
			}
			@SuppressWarnings("unchecked")
			T response = (T) prior.response();
			return response;
		}
		T response = answer.get();
		if (this.replies.size() >= this.capacity) {
			this.replies.remove(this.replies.keySet().iterator().next());
		}
		this.replies.put(slot, new Reply(request, response));
		return response;
	}

	private record Reply(Object request, Object response) {
	}

}
