package ai.specora.spring.enforcement.completion;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis commands of the completion store, on one stream and one consumer group:
 * an entry per completion or execution record, its fields written by
 * {@link StreamEntryCodec} (idempotency key and hand-over time included). Every method may throw
 * {@link DataAccessException} when Redis cannot be reached.
 */
final class RedisCompletionStream {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	/** Appends unless the stream holds {@code ARGV[1]} entries already. */
	private static final RedisScript<String> APPEND = new DefaultRedisScript<>(
			"if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then return false end "
					+ "return redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))",
			String.class);

	/**
	 * Claims entries idle for at least {@code ARGV[3]} ms; flattens them as id, field
	 * count, fields; acknowledges entries deleted meanwhile.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = new DefaultRedisScript<>(
			"local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', ARGV[4]) "
					+ "local out = {} "
					+ "for _, e in ipairs(r[2]) do "
					+ "  if type(e) == 'table' and type(e[2]) == 'table' then "
					+ "    table.insert(out, e[1]) table.insert(out, tostring(#e[2])) "
					+ "    for _, v in ipairs(e[2]) do table.insert(out, v) end "
					+ "  elseif type(e) == 'table' then redis.call('XACK', KEYS[1], ARGV[1], e[1]) end "
					+ "end "
					+ "return out",
			List.class);

	/**
	 * Removes the consumers of group {@code ARGV[1]} other than {@code ARGV[3]} that have
	 * nothing pending and have been idle for at least {@code ARGV[2]} ms; atomic, so that
	 * no consumer reads an entry between the check and its removal.
	 */
	private static final RedisScript<Long> REMOVE_IDLE_CONSUMERS = new DefaultRedisScript<>(
			"local removed = 0 "
					+ "for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do "
					+ "  local info = {} "
					+ "  for i = 1, #c, 2 do info[c[i]] = c[i + 1] end "
					+ "  if info['name'] ~= ARGV[3] and tonumber(info['pending']) == 0 "
					+ "      and tonumber(info['idle']) >= tonumber(ARGV[2]) then "
					+ "    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name']) "
					+ "    removed = removed + 1 "
					+ "  end "
					+ "end "
					+ "return removed",
			Long.class);

	/** Deletes the entries {@code ARGV[2..]}, then acknowledges them for group {@code ARGV[1]}. */
	private static final RedisScript<Long> REMOVE = new DefaultRedisScript<>(
			"redis.call('XDEL', KEYS[1], unpack(ARGV, 2)) "
					+ "return redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))",
			Long.class);

	private final StringRedisTemplate redis;

	private final String key;

	private final String group;

	private final String consumer;

	private final int capacity;

	private final StreamEntryCodec codec = new StreamEntryCodec();

	private volatile boolean groupReady;

	/** Whether the loss of the group was logged and no read has succeeded since. */
	private volatile boolean groupLost;

	/** Whether a loss was found that {@link #takeGroupLoss()} has not reported yet. */
	private final java.util.concurrent.atomic.AtomicBoolean lossToReport = new java.util.concurrent.atomic.AtomicBoolean();

	RedisCompletionStream(StringRedisTemplate redis, String key, String group, String consumer, int capacity) {
		this.redis = redis;
		this.key = key;
		this.group = group;
		this.consumer = consumer;
		this.capacity = capacity;
	}

	/**
	 * Appends a completion or an execution record.
	 * @return the id of the entry, or {@code null} when the stream is at capacity
	 */
	String append(PendingDelivery pending) {
		List<String> args = new ArrayList<>(26);
		args.add(Integer.toString(this.capacity));
		args.addAll(this.codec.fields(pending));
		return this.redis.execute(APPEND, List.of(this.key), args.toArray());
	}

	/**
	 * Reads entries never delivered to any consumer of the group.
	 */
	List<MapRecord<String, Object, Object>> readNew(int count, Duration block) {
		return withGroup(() -> {
			List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
				.read(Consumer.from(this.group, this.consumer), StreamReadOptions.empty().count(count).block(block),
						StreamOffset.create(this.key, ReadOffset.lastConsumed()));
			return (records != null) ? records : List.of();
		});
	}

	/**
	 * Runs a command that needs the consumer group; when Redis answers {@code NOGROUP}
	 * (the stream or the group was lost: Redis restarted without persistence, a
	 * {@code FLUSHALL}, an eviction), logs it at ERROR once per incident, creates the
	 * group again from the start of the stream and runs the command once more.
	 */
	private <T> T withGroup(java.util.function.Supplier<T> command) {
		ensureGroup();
		T result;
		try {
			result = command.get();
		}
		catch (DataAccessException ex) {
			if (!isNoGroup(ex)) {
				throw ex;
			}
			if (!this.groupLost) {
				this.groupLost = true;
				logger.error("The Specora Redis completion stream {} or its consumer group {} was lost (NOGROUP: "
						+ "Redis restarted without persistence, a FLUSHALL or an eviction); the group is created again "
						+ "from the start of the stream and delivery goes on", this.key, this.group);
				this.lossToReport.set(true);
			}
			this.groupReady = false;
			ensureGroup();
			result = command.get();
		}
		this.groupLost = false;
		return result;
	}

	/**
	 * Whether the stream or its group was found lost since the last call: once per
	 * incident.
	 */
	boolean takeGroupLoss() {
		return this.lossToReport.getAndSet(false);
	}

	private static boolean isNoGroup(DataAccessException ex) {
		return String.valueOf(ex.getMessage()).contains("NOGROUP")
				|| String.valueOf(ex.getMostSpecificCause().getMessage()).contains("NOGROUP");
	}

	/**
	 * Claims for this consumer the entries idle for longer than the lease: left by a
	 * replica that died (or stopped with entries pending).
	 */
	@SuppressWarnings("unchecked")
	List<MapRecord<String, Object, Object>> claimAbandoned(long leaseNanos, int count) {
		List<Object> flat = withGroup(() -> this.redis.execute(CLAIM, List.of(this.key), this.group, this.consumer,
				Long.toString(TimeUnit.NANOSECONDS.toMillis(leaseNanos)), Integer.toString(count)));
		List<MapRecord<String, Object, Object>> records = new ArrayList<>();
		if (flat == null) {
			return records;
		}
		int i = 0;
		while (i + 1 < flat.size()) {
			String id = text(flat.get(i++));
			int fields = Integer.parseInt(text(flat.get(i++)));
			Map<Object, Object> values = new java.util.LinkedHashMap<>();
			for (int f = 0; f + 1 < fields && i + 1 < flat.size(); f += 2) {
				values.put(text(flat.get(i++)), text(flat.get(i++)));
			}
			records.add(StreamRecords.newRecord().in(this.key).withId(RecordId.of(id)).ofMap(values));
		}
		return records;
	}

	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	/**
	 * Removes the other consumers of the group idle for at least the given time with
	 * nothing pending ({@code XINFO CONSUMERS}, {@code XGROUP DELCONSUMER}).
	 * @return how many were removed
	 */
	long removeIdleConsumers(long idleMillis) {
		Long removed = withGroup(() -> this.redis.execute(REMOVE_IDLE_CONSUMERS, List.of(this.key), this.group,
				Long.toString(idleMillis), this.consumer));
		return (removed != null) ? removed : 0;
	}

	/**
	 * Resets the idle time of an entry this consumer holds.
	 * @return {@code false} when the entry is no longer pending (another consumer took
	 * it, or it was removed)
	 */
	boolean touch(RecordId id) {
		byte[] rawKey = this.key.getBytes(StandardCharsets.UTF_8);
		List<RecordId> claimed = this.redis.execute((RedisCallback<List<RecordId>>) (connection) -> connection
			.streamCommands()
			.xClaimJustId(rawKey, this.group, this.consumer, XClaimOptions.minIdle(Duration.ZERO).ids(id)));
		return claimed != null && !claimed.isEmpty();
	}

	/**
	 * Deletes entries, then acknowledges them, in one atomic script: delivered, or
	 * dropped and logged. One round trip for many entries, and no process killed between
	 * the two steps can leave an entry that was delivered in the stream.
	 * @param ids the entry ids, at most a few thousand
	 */
	void remove(List<String> ids) {
		Object[] args = new Object[ids.size() + 1];
		args[0] = this.group;
		for (int i = 0; i < ids.size(); i++) {
			args[i + 1] = ids.get(i);
		}
		this.redis.execute(REMOVE, List.of(this.key), args);
	}

	/**
	 * Deletes an entry and acknowledges it if it was read, each step on its own: an entry
	 * never read (an append that answered too late) has nothing to acknowledge.
	 */
	void removeQuietly(String id) {
		RecordId recordId = RecordId.of(id);
		try {
			this.redis.opsForStream().delete(this.key, recordId);
		}
		catch (DataAccessException ex) {
			// left for a later claim, which finds it again
		}
		try {
			this.redis.opsForStream().acknowledge(this.key, this.group, recordId);
		}
		catch (DataAccessException ex) {
			// not pending with the group
		}
	}

	/**
	 * When the oldest entry of the stream was handed over ({@code XRANGE - + COUNT 1}).
	 * @return the hand-over time, or {@code null} when the stream is empty
	 */
	Instant oldestCreatedAt() {
		List<MapRecord<String, Object, Object>> first = this.redis.opsForStream()
			.range(this.key, org.springframework.data.domain.Range.unbounded(),
					org.springframework.data.redis.connection.Limit.limit().count(1));
		if (first == null || first.isEmpty()) {
			return null;
		}
		Instant created = StreamEntryCodec.createdAtOrNull(first.get(0).getValue());
		// an entry without a readable hand-over time: its id's time stands
		return (created != null) ? created : Instant.ofEpochMilli(first.get(0).getId().getTimestamp());
	}

	long length() {
		Long size = this.redis.opsForStream().size(this.key);
		return (size != null) ? size : 0;
	}

	/**
	 * Connects and creates the consumer group unless it exists.
	 */
	void connect() {
		ensureGroup();
	}

	private void ensureGroup() {
		if (this.groupReady) {
			return;
		}
		byte[] rawKey = this.key.getBytes(StandardCharsets.UTF_8);
		try {
			this.redis.execute((RedisCallback<String>) (connection) -> connection.streamCommands()
				.xGroupCreate(rawKey, this.group, ReadOffset.from("0-0"), true));
		}
		catch (DataAccessException ex) {
			if (!String.valueOf(ex.getMessage()).contains("BUSYGROUP")
					&& !String.valueOf(ex.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
				throw ex;
			}
		}
		this.groupReady = true;
	}

	/**
	 * The completion or execution record of a stream entry, or {@code null} when the
	 * entry is neither.
	 */
	PendingDelivery decode(MapRecord<String, Object, Object> record) {
		return this.codec.decode(record.getValue());
	}

	@Override
	public String toString() {
		return "stream=" + this.key + ", group=" + this.group + ", consumer=" + this.consumer;
	}

}
