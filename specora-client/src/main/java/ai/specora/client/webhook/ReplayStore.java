package ai.specora.client.webhook;

import java.time.Duration;

/**
 * Remembers the ids of accepted webhook events so that a replayed request is refused.
 * <p>
 * {@link WebhookVerifier} consults the store last, after the signature and the body
 * have been checked, so only authentic event ids are ever recorded. It asks the store
 * to keep each id for twice the timestamp tolerance (600 s with the default 300 s
 * tolerance): the window is two-sided, so a request signed up to 300 s in the future
 * can still be replayed up to 600 s after the first delivery.
 * <p>
 * Implementations must be thread-safe. A store shared by several application instances
 * (such as {@link RedisReplayStore}) rejects a replay sent to any of them.
 *
 * @see InMemoryReplayStore
 * @see RedisReplayStore
 */
@FunctionalInterface
public interface ReplayStore {

	/**
	 * Records an event id, atomically: of several concurrent calls with the same id,
	 * exactly one returns {@code true}.
	 * @param eventId the event id, never {@code null}
	 * @param retention how long to remember the id (positive)
	 * @return {@code true} if the id was not seen within its retention, {@code false}
	 * if it was
	 * @throws ReplayStoreUnavailableException if the store cannot answer
	 */
	boolean markSeen(String eventId, Duration retention);

}
