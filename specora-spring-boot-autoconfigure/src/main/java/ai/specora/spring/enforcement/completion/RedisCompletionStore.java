package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The durable {@link CompletionStore}: a Redis stream (Redis 6.2 or later) read by one
 * consumer group shared by every replica, so that completions survive a crash or the
 * loss of a replica. See {@link RedisCompletionQueue} for how entries are appended,
 * delivered, acknowledged and claimed.
 * <p>
 * Needs {@code spring-data-redis} and a driver (such as Lettuce) on the class path; no
 * other class of the dispatcher refers to them.
 */
public final class RedisCompletionStore extends CompletionStore {

	/** The default stream key. */
	public static final String DEFAULT_STREAM = "specora:completions";

	/** The default consumer group. */
	public static final String DEFAULT_GROUP = "specora-completions";

	/** The default lease: how long an entry may stay pending with a silent consumer. */
	public static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);

	/**
	 * The default append timeout: how long a governed call waits for Redis before its
	 * completion goes to memory.
	 */
	public static final Duration DEFAULT_APPEND_TIMEOUT = Duration.ofMillis(200);

	/**
	 * How long a consumer of the group may stay idle, with nothing pending, before a
	 * replica removes it ({@code XGROUP DELCONSUMER}).
	 */
	public static final Duration IDLE_CONSUMER_TIMEOUT = Duration.ofHours(1);

	private final StringRedisTemplate redis;

	private final String stream;

	private final String group;

	private final Duration lease;

	private final Duration appendTimeout;

	private final String consumer;

	private final Duration idleConsumerTimeout;

	/**
	 * Creates a store with the default stream, group and lease.
	 * @param redis the template of the application's Redis
	 */
	public RedisCompletionStore(StringRedisTemplate redis) {
		this(redis, DEFAULT_STREAM, DEFAULT_GROUP, DEFAULT_LEASE);
	}

	/**
	 * Creates a store.
	 * @param redis the template of the application's Redis
	 * @param stream the stream key, the same for every replica
	 * @param group the consumer group, the same for every replica
	 * @param lease how long an entry may stay pending with a consumer before another
	 * claims it; longer than the client's deadline
	 */
	public RedisCompletionStore(StringRedisTemplate redis, String stream, String group, Duration lease) {
		this(redis, stream, group, lease, DEFAULT_APPEND_TIMEOUT);
	}

	/**
	 * Creates a store.
	 * @param redis the template of the application's Redis
	 * @param stream the stream key, the same for every replica
	 * @param group the consumer group, the same for every replica
	 * @param lease how long an entry may stay pending with a consumer before another
	 * claims it; longer than the client's deadline
	 * @param appendTimeout how long a governed call waits for Redis to take its
	 * completion before it goes to the memory of this process instead
	 */
	public RedisCompletionStore(StringRedisTemplate redis, String stream, String group, Duration lease,
			Duration appendTimeout) {
		this(redis, stream, group, lease, appendTimeout, defaultConsumer());
	}

	/**
	 * Creates a store whose replica reads the stream under the given consumer name.
	 * @param redis the template of the application's Redis
	 * @param stream the stream key, the same for every replica
	 * @param group the consumer group, the same for every replica
	 * @param lease how long an entry may stay pending with a consumer before another
	 * claims it; longer than the client's deadline
	 * @param appendTimeout how long a governed call waits for Redis to take its
	 * completion before it goes to the memory of this process instead
	 * @param consumer the consumer name of this replica in the group, stable across its
	 * restarts and different from every other live replica's (see
	 * {@link #defaultConsumer()})
	 */
	public RedisCompletionStore(StringRedisTemplate redis, String stream, String group, Duration lease,
			Duration appendTimeout, String consumer) {
		this(redis, stream, group, lease, appendTimeout, consumer, IDLE_CONSUMER_TIMEOUT);
	}

	RedisCompletionStore(StringRedisTemplate redis, String stream, String group, Duration lease,
			Duration appendTimeout, String consumer, Duration idleConsumerTimeout) {
		if (appendTimeout == null || appendTimeout.isZero() || appendTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"specora.enforcement.completion.redis.append-timeout must be a positive duration, but was "
							+ appendTimeout);
		}
		this.appendTimeout = appendTimeout;
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.stream = requireText(stream, "stream");
		this.group = requireText(group, "group");
		if (lease == null || lease.isZero() || lease.isNegative()) {
			throw new IllegalArgumentException(
					"specora.enforcement.completion.redis.lease must be a positive duration, but was " + lease);
		}
		this.lease = lease;
		this.consumer = requireText(consumer, "consumer");
		this.idleConsumerTimeout = Objects.requireNonNull(idleConsumerTimeout, "idleConsumerTimeout must not be null");
	}

	/**
	 * The consumer name a replica takes by default: {@code specora-<host>-<pid>}, the
	 * host from the {@code HOSTNAME} (or {@code COMPUTERNAME}) environment variable.
	 * Stable across restarts in a container (the host name is the container's or pod's,
	 * the process id the same), different for two processes on one host. A name left
	 * behind by a process that does not come back is removed once idle, with nothing
	 * pending, for {@link #IDLE_CONSUMER_TIMEOUT}.
	 * @return the consumer name
	 */
	public static String defaultConsumer() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			host = System.getenv("COMPUTERNAME");
		}
		if (host == null || host.isBlank()) {
			host = "host";
		}
		return "specora-" + host.strip() + "-" + ProcessHandle.current().pid();
	}

	/**
	 * The consumer name of this replica in the group.
	 * @return the consumer name
	 */
	public String consumer() {
		return this.consumer;
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("the Redis completion " + name + " must not be empty");
		}
		return value;
	}

	@Override
	CompletionQueue open(int capacity, Duration maxAge, CompletionDrops drops) {
		return new RedisCompletionQueue(new RedisCompletionStream(this.redis, this.stream, this.group, this.consumer,
				capacity), capacity, this.lease, this.appendTimeout, maxAge, drops, this.idleConsumerTimeout);
	}

	@Override
	public String toString() {
		return "RedisCompletionStore[stream=" + this.stream + ", group=" + this.group + ", lease=" + this.lease
				+ ", appendTimeout=" + this.appendTimeout + "]";
	}

}
