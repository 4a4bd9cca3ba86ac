package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * The delivery worker's reads of the stream, each through {@link WorkerRedisCalls}:
 * entries no consumer has read yet, entries left pending by a replica that died
 * (claimed once they are idle for the lease, looked for every half lease), the removal
 * of consumers idle with nothing pending (at most every 5 minutes), and the entries of
 * reads the worker gave up that answered later. Used by the worker thread only.
 */
final class StreamReader {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	/** The most entries one read or claim takes. */
	private static final int COUNT = 16;

	/** How long a read blocks at most: short enough to stay under any sensible command timeout. */
	static final long BLOCK_MILLIS = 200;

	private final RedisCompletionStream stream;

	private final WorkerRedisCalls calls;

	private final long leaseNanos;

	private final long idleConsumerMillis;

	private final long idleCheckNanos;

	private final Queue<List<MapRecord<String, Object, Object>>> late = new ConcurrentLinkedQueue<>();

	private long nextClaimNanos;

	private long nextIdleCheckNanos = System.nanoTime();

	StreamReader(RedisCompletionStream stream, WorkerRedisCalls calls, Duration lease, Duration idleConsumerTimeout) {
		this.stream = stream;
		this.calls = calls;
		this.leaseNanos = lease.toNanos();
		this.idleConsumerMillis = idleConsumerTimeout.toMillis();
		this.idleCheckNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(100),
				Math.min(idleConsumerTimeout.toNanos() / 2, TimeUnit.MINUTES.toNanos(5)));
	}

	/**
	 * The entries of reads given up earlier that have answered since.
	 */
	List<MapRecord<String, Object, Object>> lateEntries() {
		List<MapRecord<String, Object, Object>> entries = new ArrayList<>();
		List<MapRecord<String, Object, Object>> answer;
		while ((answer = this.late.poll()) != null) {
			entries.addAll(answer);
		}
		return entries;
	}

	/**
	 * Claims the entries abandoned by a dead replica when it is time to look, and
	 * removes idle consumers when it is time to.
	 * @throws RuntimeException a {@code DataAccessException} or
	 * {@link CompletionStoreException} when Redis fails
	 */
	List<MapRecord<String, Object, Object>> claimAbandoned(long nowNanos) {
		if (nowNanos - this.nextIdleCheckNanos >= 0) {
			this.nextIdleCheckNanos = nowNanos + this.idleCheckNanos;
			removeIdleConsumers();
		}
		if (nowNanos - this.nextClaimNanos < 0) {
			return List.of();
		}
		this.nextClaimNanos = nowNanos + Math.max(this.leaseNanos / 2, TimeUnit.MILLISECONDS.toNanos(100));
		return this.calls.call(() -> this.stream.claimAbandoned(this.leaseNanos, COUNT), this.late::add);
	}

	/**
	 * Reads entries no consumer has read yet, blocking in Redis for at most the given
	 * time (and {@link #BLOCK_MILLIS}).
	 * @throws RuntimeException a {@code DataAccessException} or
	 * {@link CompletionStoreException} when Redis fails
	 */
	List<MapRecord<String, Object, Object>> readNew(long waitNanos) {
		long block = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(Math.max(waitNanos, 0)), BLOCK_MILLIS));
		return this.calls.call(() -> this.stream.readNew(COUNT, Duration.ofMillis(block)), this.late::add);
	}

	private void removeIdleConsumers() {
		try {
			long removed = this.calls.call(() -> this.stream.removeIdleConsumers(this.idleConsumerMillis));
			if (removed > 0) {
				logger.info("Removed {} consumers of the Specora Redis completion group idle for over {} ms with "
						+ "nothing pending", removed, this.idleConsumerMillis);
			}
		}
		catch (DataAccessException | CompletionStoreException ex) {
			logger.debug("Idle consumers of the Specora Redis completion group not removed: {}", ex.getMessage());
		}
	}

}
