package ai.specora.client.webhook;

import java.time.Duration;
import java.util.Objects;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A {@link ReplayStore} in Redis, shared by every application instance that uses the
 * same Redis: a replay sent to any of them is refused.
 * <p>
 * Each id is recorded with one atomic {@code SET <prefix><event id> 1 NX EX <seconds>}
 * (or {@code PX} for a retention that is not a whole number of seconds), so of several
 * concurrent deliveries exactly one is accepted. When Redis cannot be reached or
 * answers with an error, {@link #markSeen} throws {@link ReplayStoreUnavailableException}.
 * <p>
 * This class needs {@code spring-data-redis} and a Redis driver (such as Lettuce) on the
 * class path; nothing else in the client refers to it, so they are needed only when it
 * is used.
 */
public final class RedisReplayStore implements ReplayStore {

	/** The default prefix of the keys. */
	public static final String DEFAULT_KEY_PREFIX = "specora:webhook:event:";

	private static final String VALUE = "1";

	private final StringRedisTemplate redisTemplate;

	private final String keyPrefix;

	/**
	 * Creates a store on a connection factory, with the {@link #DEFAULT_KEY_PREFIX}.
	 * @param connectionFactory the Redis connection factory, initialised
	 */
	public RedisReplayStore(RedisConnectionFactory connectionFactory) {
		this(new StringRedisTemplate(Objects.requireNonNull(connectionFactory, "connectionFactory must not be null")));
	}

	/**
	 * Creates a store on a template, with the {@link #DEFAULT_KEY_PREFIX}.
	 * @param redisTemplate the template
	 */
	public RedisReplayStore(StringRedisTemplate redisTemplate) {
		this(redisTemplate, DEFAULT_KEY_PREFIX);
	}

	/**
	 * Creates a store on a template.
	 * @param redisTemplate the template
	 * @param keyPrefix the prefix of the keys, such as {@code myapp:webhook:}
	 */
	public RedisReplayStore(StringRedisTemplate redisTemplate, String keyPrefix) {
		this.redisTemplate = Objects.requireNonNull(redisTemplate, "redisTemplate must not be null");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
	}

	@Override
	public boolean markSeen(String eventId, Duration retention) {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(retention, "retention must not be null");
		if (retention.toMillis() <= 0) {
			throw new IllegalArgumentException("retention must be at least 1 ms, was " + retention);
		}
		Boolean set;
		try {
			set = this.redisTemplate.opsForValue().setIfAbsent(this.keyPrefix + eventId, VALUE, retention);
		}
		catch (DataAccessException ex) {
			throw new ReplayStoreUnavailableException("Redis replay store is unavailable", ex);
		}
		if (set == null) {
			throw new ReplayStoreUnavailableException(
					"Redis replay store gave no answer (the template is in a pipeline or transaction)", null);
		}
		return set;
	}

	/**
	 * Returns the prefix of the keys.
	 * @return the key prefix
	 */
	public String keyPrefix() {
		return this.keyPrefix;
	}

	@Override
	public String toString() {
		return "RedisReplayStore[keyPrefix=" + this.keyPrefix + "]";
	}

}
