package ai.specora.client.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplayStore} in the memory of one JVM: bounded, thread-safe, with expired
 * ids purged on each call.
 * <p>
 * It holds at most {@code capacity} ids (10,000 by default); when full, the oldest id
 * is evicted first, even if its retention has not run out, and a warning is logged the
 * first time that happens. Choose a capacity above the number of events expected
 * within the retention (600 s by default). Several application instances behind a load
 * balancer each have their own store: use {@link RedisReplayStore} to share one.
 */
public final class InMemoryReplayStore implements ReplayStore {

	/** The default maximum number of remembered ids. */
	public static final int DEFAULT_CAPACITY = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(InMemoryReplayStore.class);

	private final int capacity;

	private final Clock clock;

	/** Event id to expiry, in insertion order: the eldest entry is evicted first. */
	private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

	private boolean evictionWarned;

	/**
	 * Creates a store of {@link #DEFAULT_CAPACITY} ids on the system UTC clock.
	 */
	public InMemoryReplayStore() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Creates a store on the system UTC clock.
	 * @param capacity the maximum number of remembered ids (positive)
	 */
	public InMemoryReplayStore(int capacity) {
		this(capacity, Clock.systemUTC());
	}

	/**
	 * Creates a store.
	 * @param capacity the maximum number of remembered ids (positive)
	 * @param clock the clock that decides when ids expire
	 */
	public InMemoryReplayStore(int capacity, Clock clock) {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, was " + capacity);
		}
		this.capacity = capacity;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public boolean markSeen(String eventId, Duration retention) {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(retention, "retention must not be null");
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive, was " + retention);
		}
		Instant now = this.clock.instant();
		Instant expiry = now.plus(retention);
		synchronized (this.expiries) {
			purgeExpired(now);
			Instant existing = this.expiries.get(eventId);
			if (existing != null && existing.isAfter(now)) {
				return false;
			}
			// Re-inserting moves an expired id to the end of the eviction order
			this.expiries.remove(eventId);
			this.expiries.put(eventId, expiry);
			if (this.expiries.size() > this.capacity) {
				evictEldest(now);
			}
			return true;
		}
	}

	/**
	 * Returns the number of ids currently remembered, expired ones not yet purged
	 * included.
	 * @return the number of ids
	 */
	public int size() {
		synchronized (this.expiries) {
			return this.expiries.size();
		}
	}

	/**
	 * Returns the maximum number of remembered ids.
	 * @return the capacity
	 */
	public int capacity() {
		return this.capacity;
	}

	/**
	 * Removes expired ids from the eldest end, up to the first one still valid. Ids are
	 * inserted in time order, so with one retention for all this purges every expired
	 * id; an id kept longer than its successors delays their purge, not their expiry.
	 */
	private void purgeExpired(Instant now) {
		Iterator<Instant> iterator = this.expiries.values().iterator();
		while (iterator.hasNext()) {
			if (iterator.next().isAfter(now)) {
				return;
			}
			iterator.remove();
		}
	}

	private void evictEldest(Instant now) {
		Iterator<Map.Entry<String, Instant>> iterator = this.expiries.entrySet().iterator();
		Map.Entry<String, Instant> eldest = iterator.next();
		iterator.remove();
		if (eldest.getValue().isAfter(now) && !this.evictionWarned) {
			this.evictionWarned = true;
			logger.warn("Webhook replay store is full ({} ids): evicting ids before their retention ends, "
					+ "so replays of the oldest events are no longer detected; raise its capacity "
					+ "or use a shared store", this.capacity);
		}
	}

	@Override
	public String toString() {
		return "InMemoryReplayStore[capacity=" + this.capacity + ", size=" + size() + "]";
	}

}
