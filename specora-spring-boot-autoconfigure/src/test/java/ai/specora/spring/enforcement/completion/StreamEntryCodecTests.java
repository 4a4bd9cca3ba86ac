package ai.specora.spring.enforcement.completion;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.Provider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis stream fields of completions and execution records read back as what was
 * written: another replica sends them with the same idempotency key and content.
 */
class StreamEntryCodecTests {

	private static final Instant HANDED_OVER = Instant.parse("2026-12-07T10:15:30.123Z");

	private final StreamEntryCodec codec = new StreamEntryCodec();

	@Test
	void anExecutionRecordReadsBackWithItsKeyAndEveryField() {
		ExecutionRecordRequest record = ExecutionRecordRequest.builder(Provider.ANTHROPIC, "claude-sonnet")
			.tokens(1200, 300)
			.costMicros(4500)
			.duration(Duration.ofMillis(850))
			.success(false)
			.externalRunId("run-7")
			.metadata("authorization_id", "auth_1")
			.metadata("attempt", 2)
			.metadata("tags", List.of("a", "b"))
			.build();
		PendingExecutionRecord written = new PendingExecutionRecord(UUID.randomUUID(), record, HANDED_OVER);
		PendingDelivery read = this.codec.decode(asStored(this.codec.fields(written)));
		assertThat(read).isEqualTo(written);
		assertThat(read.key()).isEqualTo("execution:" + written.idempotencyKey());
	}

	@Test
	void anExecutionRecordWithoutOptionalFieldsReadsBackWithout() {
		ExecutionRecordRequest record = ExecutionRecordRequest.builder(Provider.OLLAMA, "llama3:8b").build();
		PendingExecutionRecord written = new PendingExecutionRecord(UUID.randomUUID(), record, HANDED_OVER);
		Map<Object, Object> stored = asStored(this.codec.fields(written));
		assertThat(stored).doesNotContainKeys("d", "x", "a");
		assertThat(this.codec.decode(stored)).isEqualTo(written);
	}

	@Test
	void aCompletionReadsBackWithItsRequestIdAndFields() {
		Completion completion = Completion.builder(CompletionStatus.SUCCESS)
			.costActual(new BigDecimal("12.50"))
			.volumeActual(3L)
			.duration(Duration.ofMillis(40))
			.build();
		PendingCompletion written = new PendingCompletion("jrn_1", completion, HANDED_OVER);
		assertThat(this.codec.decode(asStored(this.codec.fields(written)))).isEqualTo(written);
	}

	@Test
	void anEntryWithoutAKindIsACompletionAsEveryEntryWrittenBeforeRecordsSharedTheStream() {
		UUID requestId = UUID.randomUUID();
		Map<Object, Object> stored = new LinkedHashMap<>(Map.of("j", "jrn_old", "r", requestId.toString(), "s",
				"FAILURE", "t", Long.toString(HANDED_OVER.toEpochMilli()), "e", "IllegalStateException"));
		PendingDelivery read = this.codec.decode(stored);
		assertThat(read).isInstanceOfSatisfying(PendingCompletion.class, (completion) -> {
			assertThat(completion.journalId()).isEqualTo("jrn_old");
			assertThat(completion.completion().requestId()).isEqualTo(requestId);
			assertThat(completion.completion().error()).isEqualTo("IllegalStateException");
		});
	}

	@Test
	void fieldsThatAreNeitherReadAsNothing() {
		assertThat(this.codec.decode(Map.of("j", "jrn_garbled"))).isNull();
		assertThat(this.codec.decode(Map.of("k", "x", "r", "not-a-uuid", "t", "1"))).isNull();
		Map<Object, Object> badMetadata = asStored(this.codec.fields(new PendingExecutionRecord(UUID.randomUUID(),
				ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o").metadata("a", 1).build(), HANDED_OVER)));
		badMetadata.put("a", "{not json");
		assertThat(this.codec.decode(badMetadata)).isNull();
	}

	private static Map<Object, Object> asStored(List<String> fields) {
		Map<Object, Object> stored = new LinkedHashMap<>();
		for (int i = 0; i + 1 < fields.size(); i += 2) {
			stored.put(fields.get(i), fields.get(i + 1));
		}
		return stored;
	}

}
