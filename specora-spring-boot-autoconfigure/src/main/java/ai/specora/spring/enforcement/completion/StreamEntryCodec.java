package ai.specora.spring.enforcement.completion;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.Provider;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a Redis stream entry for each kind of {@link PendingDelivery}: short
 * names, plain text, everything needed to send it again from another replica with the
 * same idempotency key. A completion has the fields {@code j} (journal id), {@code r}
 * (request id), {@code s} (status), {@code t} (hand-over time, epoch ms) and the optional
 * {@code c} (cost), {@code v} (volume), {@code d} (duration, ms), {@code e} (error). An
 * execution record has {@code k=x}, {@code r} (idempotency key), {@code t}, {@code p}
 * (provider), {@code m} (model), {@code c} (cost, micro-USD), {@code i} and {@code o}
 * (tokens), {@code s} (success) and the optional {@code d}, {@code x} (external run id)
 * and {@code a} (metadata, JSON). An entry without {@code k} is a completion, as every
 * entry written before execution records shared the stream.
 */
final class StreamEntryCodec {

	private static final String KIND = "k";

	private static final String EXECUTION_RECORD = "x";

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The fields of an entry, as name, value, name, value...
	 */
	List<String> fields(PendingDelivery pending) {
		List<String> fields = new ArrayList<>(24);
		if (pending instanceof PendingCompletion completion) {
			completion(fields, completion);
		}
		else if (pending instanceof PendingExecutionRecord record) {
			record(fields, record);
		}
		return fields;
	}

	private static void completion(List<String> fields, PendingCompletion pending) {
		Completion completion = pending.completion();
		add(fields, "j", pending.journalId());
		add(fields, "r", completion.requestId().toString());
		add(fields, "s", completion.status().name());
		add(fields, "t", Long.toString(pending.createdAt().toEpochMilli()));
		if (completion.costActual() != null) {
			add(fields, "c", completion.costActual().toPlainString());
		}
		if (completion.volumeActual() != null) {
			add(fields, "v", completion.volumeActual().toString());
		}
		if (completion.duration() != null) {
			add(fields, "d", Long.toString(completion.duration().toMillis()));
		}
		if (completion.error() != null) {
			add(fields, "e", completion.error());
		}
	}

	private void record(List<String> fields, PendingExecutionRecord pending) {
		ExecutionRecordRequest record = pending.record();
		add(fields, KIND, EXECUTION_RECORD);
		add(fields, "r", pending.idempotencyKey().toString());
		add(fields, "t", Long.toString(pending.createdAt().toEpochMilli()));
		add(fields, "p", record.provider().wireName());
		add(fields, "m", record.model());
		add(fields, "c", Long.toString(record.costMicros()));
		add(fields, "i", Long.toString(record.inputTokens()));
		add(fields, "o", Long.toString(record.outputTokens()));
		add(fields, "s", Boolean.toString(record.success()));
		if (record.durationMs() != null) {
			add(fields, "d", record.durationMs().toString());
		}
		if (record.externalRunId() != null) {
			add(fields, "x", record.externalRunId());
		}
		if (!record.metadata().isEmpty()) {
			add(fields, "a", this.json.writeValueAsString(record.metadata()));
		}
	}

	private static void add(List<String> fields, String name, String value) {
		fields.add(name);
		fields.add(value);
	}

	/**
	 * The delivery of an entry's fields, or {@code null} when they are not one.
	 */
	PendingDelivery decode(Map<Object, Object> values) {
		try {
			return EXECUTION_RECORD.equals(text(values.get(KIND))) ? record(values) : completion(values);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static PendingCompletion completion(Map<Object, Object> values) {
		Completion completion = new Completion(UUID.fromString(field(values, "r")),
				CompletionStatus.valueOf(field(values, "s")), decimal(values.get("c")), number(values.get("v")),
				(values.get("d") != null) ? Duration.ofMillis(Long.parseLong(text(values.get("d")))) : null,
				text(values.get("e")));
		return new PendingCompletion(field(values, "j"), completion, createdAt(values));
	}

	private PendingExecutionRecord record(Map<Object, Object> values) {
		ExecutionRecordRequest.Builder record = ExecutionRecordRequest
			.builder(Provider.fromWireName(field(values, "p")), field(values, "m"))
			.costMicros(Long.parseLong(field(values, "c")))
			.tokens(Long.parseLong(field(values, "i")), Long.parseLong(field(values, "o")))
			.success(Boolean.parseBoolean(field(values, "s")));
		if (values.get("d") != null) {
			record.duration(Duration.ofMillis(Long.parseLong(text(values.get("d")))));
		}
		if (values.get("x") != null) {
			record.externalRunId(text(values.get("x")));
		}
		if (values.get("a") != null) {
			this.json.readValue(text(values.get("a")), METADATA).forEach(record::metadata);
		}
		return new PendingExecutionRecord(UUID.fromString(field(values, "r")), record.build(), createdAt(values));
	}

	/**
	 * The hand-over time of an entry's fields, or {@code null} when they have none.
	 */
	static Instant createdAtOrNull(Map<Object, Object> values) {
		Object created = values.get("t");
		if (created == null) {
			return null;
		}
		try {
			return Instant.ofEpochMilli(Long.parseLong(created.toString()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Instant createdAt(Map<Object, Object> values) {
		return Instant.ofEpochMilli(Long.parseLong(field(values, "t")));
	}

	private static String field(Map<Object, Object> values, String name) {
		Object value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing field " + name);
		}
		return value.toString();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static BigDecimal decimal(Object value) {
		return (value != null) ? new BigDecimal(value.toString()) : null;
	}

	private static Long number(Object value) {
		return (value != null) ? Long.valueOf(value.toString()) : null;
	}

}
