package ai.specora.client.webhook;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.specora.client.webhook.ApprovalResolved.Resolution;
import ai.specora.client.webhook.WebhookVerificationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link WebhookVerifier}.
 */
class WebhookVerifierTests {

	private static final String SECRET = "whsec_test";

	private static final String OLD_SECRET = "whsec_old_secret";

	private static final long NOW = 1_700_000_000L;

	private static final String BODY = "{\"event_id\":\"evt_1\",\"event_type\":\"platform.budget_breach\","
			+ "\"created_at\":\"2023-11-14T22:13:20Z\",\"org_id\":\"org_1\",\"data\":{\"usage_percent\":101.5}}";

	/**
	 * HMAC-SHA256 of {@code "1700000000." + BODY} under {@code whsec_test}, computed
	 * outside Java with:
	 * <pre>
	 * printf '%s' '1700000000.{"event_id":"evt_1","event_type":"platform.budget_breach","created_at":"2023-11-14T22:13:20Z","org_id":"org_1","data":{"usage_percent":101.5}}' \
	 *   | openssl dgst -sha256 -hmac 'whsec_test'
	 * </pre>
	 */
	private static final String FIXED_SIGNATURE = "sha256=24568c9482ed36aef3f2cb8a041724934bb2753fb7e865a7784f506f40ef40e9";

	private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

	private final WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).clock(this.clock).build();

	@Test
	void acceptsSignedEvent() {
		WebhookEvent event = verify(this.verifier, BODY, NOW, sign(SECRET, NOW, BODY), "evt_1");
		assertThat(event.eventId()).isEqualTo("evt_1");
		assertThat(event.eventType()).isEqualTo("platform.budget_breach");
		assertThat(event.type()).isEqualTo(WebhookEventType.BUDGET_BREACH);
		assertThat(event.createdAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
		assertThat(event.orgId()).isEqualTo("org_1");
		assertThat(event.data()).containsEntry("usage_percent", new BigDecimal("101.5"));
		assertThat(event.approvalResolved()).isEmpty();
	}

	@Test
	void acceptsSignatureComputedWithOpenssl() {
		assertThat(WebhookSignatures.sign(SECRET, NOW, bytes(BODY))).isEqualTo(FIXED_SIGNATURE);
		assertThat(verify(this.verifier, BODY, NOW, FIXED_SIGNATURE, "evt_1").eventId()).isEqualTo("evt_1");
	}

	@Test
	void acceptsSignatureComputedWithJavaxCrypto() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] signed = mac.doFinal((NOW + "." + BODY).getBytes(StandardCharsets.UTF_8));
		String signature = "sha256=" + HexFormat.of().formatHex(signed);
		assertThat(signature).isEqualTo(FIXED_SIGNATURE);
		assertThat(verify(this.verifier, BODY, NOW, signature, "evt_1").eventId()).isEqualTo("evt_1");
	}

	@Test
	void signsNonAsciiBodyBytesAsReceived() {
		String body = event("evt_é", "platform.drift_detected", "{\"note\":\"dérive ✓\"}");
		WebhookEvent event = verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_é");
		assertThat(event.data()).containsEntry("note", "dérive ✓");
	}

	// size cap

	@Test
	void refusesBodyOverMaxSizeBeforeAnythingElse() {
		WebhookVerifier small = WebhookVerifier.builder().secret(SECRET).clock(this.clock).maxBodySize(64).build();
		byte[] body = new byte[65];
		assertRefused(() -> small.verify(body, null, null, null), Reason.TOO_LARGE);
	}

	@Test
	void defaultMaxSizeIsOneMebibyte() {
		assertThat(this.verifier.maxBodySize()).isEqualTo(1024 * 1024);
		assertRefused(() -> this.verifier.verify(new byte[1024 * 1024 + 1], String.valueOf(NOW), FIXED_SIGNATURE,
				"evt_1"), Reason.TOO_LARGE);
		// exactly the maximum passes the size check and fails later
		assertRefused(() -> this.verifier.verify(new byte[1024 * 1024], String.valueOf(NOW), FIXED_SIGNATURE,
				"evt_1"), Reason.BAD_SIGNATURE);
	}

	@Test
	void acceptsBodyOfExactlyMaxSize() {
		int size = bytes(BODY).length;
		WebhookVerifier exact = WebhookVerifier.builder().secret(SECRET).clock(this.clock).maxBodySize(size).build();
		assertThat(verify(exact, BODY, NOW, FIXED_SIGNATURE, "evt_1").eventId()).isEqualTo("evt_1");
	}

	// headers

	@Test
	void refusesMissingTimestamp() {
		assertRefused(() -> this.verifier.verify(bytes(BODY), null, FIXED_SIGNATURE, "evt_1"), Reason.MISSING_HEADER)
			.withMessageContaining("X-Specora-Timestamp");
	}

	@Test
	void refusesMissingSignature() {
		assertRefused(() -> this.verifier.verify(bytes(BODY), String.valueOf(NOW), null, "evt_1"),
				Reason.MISSING_HEADER)
			.withMessageContaining("X-Specora-Signature");
	}

	@Test
	void refusesMissingEventId() {
		assertRefused(() -> this.verifier.verify(bytes(BODY), String.valueOf(NOW), FIXED_SIGNATURE, null),
				Reason.MISSING_HEADER)
			.withMessageContaining("X-Specora-Event-Id");
	}

	@Test
	void refusesBlankHeaders() {
		assertRefused(() -> this.verifier.verify(bytes(BODY), " ", FIXED_SIGNATURE, "evt_1"), Reason.MISSING_HEADER);
		assertRefused(() -> this.verifier.verify(bytes(BODY), String.valueOf(NOW), "", "evt_1"),
				Reason.MISSING_HEADER);
		assertRefused(() -> this.verifier.verify(bytes(BODY), String.valueOf(NOW), FIXED_SIGNATURE, "\t"),
				Reason.MISSING_HEADER);
	}

	@Test
	void missingHeaderIsCheckedBeforeTimestamp() {
		assertRefused(() -> this.verifier.verify(bytes(BODY), "1", FIXED_SIGNATURE, null), Reason.MISSING_HEADER);
	}

	// timestamp window

	@Test
	void acceptsTimestampExactlyAtToleranceInThePast() {
		String signature = sign(SECRET, NOW - 300, BODY);
		assertThat(verify(this.verifier, BODY, NOW - 300, signature, "evt_1").eventId()).isEqualTo("evt_1");
	}

	@Test
	void acceptsTimestampExactlyAtToleranceInTheFuture() {
		String signature = sign(SECRET, NOW + 300, BODY);
		assertThat(verify(this.verifier, BODY, NOW + 300, signature, "evt_1").eventId()).isEqualTo("evt_1");
	}

	@Test
	void refusesTimestampOneSecondPastTolerance() {
		assertRefused(() -> verify(this.verifier, BODY, NOW - 301, sign(SECRET, NOW - 301, BODY), "evt_1"),
				Reason.STALE_TIMESTAMP);
		assertRefused(() -> verify(this.verifier, BODY, NOW + 301, sign(SECRET, NOW + 301, BODY), "evt_1"),
				Reason.STALE_TIMESTAMP);
	}

	@Test
	void refusesTimestampJustPastToleranceWithSubSecondClock() {
		Clock later = Clock.fixed(Instant.ofEpochSecond(NOW + 300, 1), ZoneOffset.UTC);
		WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).clock(later).build();
		assertRefused(() -> verify(verifier, BODY, NOW, FIXED_SIGNATURE, "evt_1"), Reason.STALE_TIMESTAMP);
	}

	@Test
	void honoursConfiguredTolerance() {
		WebhookVerifier strict = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(this.clock)
			.tolerance(Duration.ofSeconds(10))
			.build();
		assertThat(strict.replayRetention()).isEqualTo(Duration.ofSeconds(20));
		assertRefused(() -> verify(strict, BODY, NOW - 11, sign(SECRET, NOW - 11, BODY), "evt_1"),
				Reason.STALE_TIMESTAMP);
		assertThat(verify(strict, BODY, NOW - 10, sign(SECRET, NOW - 10, BODY), "evt_1").eventId())
			.isEqualTo("evt_1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-1700000000", "+1700000000", "1700000000.5", "1.7e9", "17000000000000000000000",
			"0x6553f100" })
	void refusesTimestampThatIsNotPlainSecondsAsStale(String timestamp) {
		assertRefused(() -> this.verifier.verify(bytes(BODY), timestamp, FIXED_SIGNATURE, "evt_1"),
				Reason.STALE_TIMESTAMP);
	}

	@Test
	void timestampIsCheckedBeforeSignature() {
		assertRefused(() -> verify(this.verifier, BODY, NOW - 3600, "sha256=00", "evt_1"), Reason.STALE_TIMESTAMP);
	}

	@Test
	void toleratesWhitespaceAroundHeaderValues() {
		WebhookEvent event = this.verifier.verify(bytes(BODY), " " + NOW + " ", " " + FIXED_SIGNATURE + " ",
				" evt_1 ");
		assertThat(event.eventId()).isEqualTo("evt_1");
	}

	// signature

	@Test
	void refusesSignatureMadeWithAnotherSecret() {
		assertRefused(() -> verify(this.verifier, BODY, NOW, sign("whsec_other", NOW, BODY), "evt_1"),
				Reason.BAD_SIGNATURE)
			.withMessage("Invalid signature");
	}

	@Test
	void refusesBodyChangedByOneByte() {
		byte[] body = bytes(BODY);
		body[body.length - 3] = (byte) (body[body.length - 3] + 1);
		assertRefused(() -> this.verifier.verify(body, String.valueOf(NOW), FIXED_SIGNATURE, "evt_1"),
				Reason.BAD_SIGNATURE)
			.withMessage("Invalid signature");
	}

	@Test
	void refusesSignatureOfAnotherTimestamp() {
		assertRefused(() -> verify(this.verifier, BODY, NOW, sign(SECRET, NOW - 1, BODY), "evt_1"),
				Reason.BAD_SIGNATURE);
	}

	@Test
	void refusesTimestampWrittenDifferentlyFromTheSignedOne() {
		// the signature covers the timestamp text: leading zeros are not the same text
		assertRefused(() -> this.verifier.verify(bytes(BODY), "0" + NOW, FIXED_SIGNATURE, "evt_1"),
				Reason.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "v1=24568c9482ed36aef3f2cb8a041724934bb2753fb7e865a7784f506f40ef40e9",
			"24568c9482ed36aef3f2cb8a041724934bb2753fb7e865a7784f506f40ef40e9", "sha256=",
			"sha256=24568c9482ed36aef3f2cb8a041724934bb2753fb7e865a7784f506f40ef40",
			"sha256=24568c9482ed36aef3f2cb8a041724934bb2753fb7e865a7784f506f40ef40e900",
			"sha256=zz568c9482ed36aef3f2cb8a041724934bb2753fb7e865a7784f506f40ef40e9", ",", "sha1=abc,md5=def" })
	void refusesSignatureHeaderWithoutMatchingValue(String signature) {
		assertRefused(() -> verify(this.verifier, BODY, NOW, signature, "evt_1"), Reason.BAD_SIGNATURE)
			.withMessage("Invalid signature");
	}

	@Test
	void acceptsAnyMatchingValueAmongSeveral() {
		String header = sign("whsec_other", NOW, BODY) + "," + FIXED_SIGNATURE;
		assertThat(verify(this.verifier, BODY, NOW, header, "evt_1").eventId()).isEqualTo("evt_1");
	}

	@Test
	void ignoresUnknownSchemesAndWhitespaceAroundCommas() {
		String header = "v2=abcdef , " + FIXED_SIGNATURE + " ,sha512=0011";
		assertThat(verify(this.verifier, BODY, NOW, header, "evt_1").eventId()).isEqualTo("evt_1");
	}

	@Test
	void acceptsEventSignedWithSecondSecretDuringRotation() {
		WebhookVerifier rotating = WebhookVerifier.builder()
			.secrets(List.of(OLD_SECRET, SECRET))
			.clock(this.clock)
			.build();
		assertThat(rotating.secretCount()).isEqualTo(2);
		assertThat(verify(rotating, BODY, NOW, FIXED_SIGNATURE, "evt_1").eventId()).isEqualTo("evt_1");
		String body2 = event("evt_2", "platform.sla_breach", "{}");
		assertThat(verify(rotating, body2, NOW, sign(OLD_SECRET, NOW, body2), "evt_2").eventId()).isEqualTo("evt_2");
	}

	@Test
	void acceptsRotationHeaderWithOneRightSignature() {
		WebhookVerifier rotating = WebhookVerifier.builder().secret(OLD_SECRET).secret(SECRET).clock(this.clock).build();
		String header = sign("whsec_retired", NOW, BODY) + ", " + FIXED_SIGNATURE;
		assertThat(verify(rotating, BODY, NOW, header, "evt_1").eventId()).isEqualTo("evt_1");
		String body2 = event("evt_2", "platform.sla_breach", "{}");
		String wrongOnly = sign("whsec_retired", NOW, body2) + "," + sign("whsec_unknown", NOW, body2);
		assertRefused(() -> verify(rotating, body2, NOW, wrongOnly, "evt_2"), Reason.BAD_SIGNATURE);
	}

	@Test
	void signatureIsCheckedBeforeBodyIsParsed() {
		assertRefused(() -> verify(this.verifier, "not json", NOW, sign("whsec_other", NOW, "not json"), "evt_1"),
				Reason.BAD_SIGNATURE);
	}

	// body

	@ParameterizedTest
	@ValueSource(strings = { "not json", "", "[1,2]", "\"evt_1\"", "{\"event_id\":\"evt_1\"",
			"{\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\"}",
			"{\"event_id\":\"evt_1\",\"created_at\":\"2023-11-14T22:13:20Z\"}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\"}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\",\"created_at\":\"yesterday\"}",
			"{\"event_id\":42,\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\"}",
			"{\"event_id\":\"\",\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\"}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\",\"data\":[]}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\",\"org_id\":7}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\"} {}",
			"{\"event_id\":\"evt_1\",\"event_id\":\"evt_2\",\"event_type\":\"platform.sla_breach\",\"created_at\":\"2023-11-14T22:13:20Z\"}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"runtime.approval_resolved\",\"created_at\":\"2023-11-14T22:13:20Z\",\"data\":{\"journal_id\":\"j_1\",\"approval_id\":\"a_1\"}}",
			"{\"event_id\":\"evt_1\",\"event_type\":\"runtime.approval_resolved\",\"created_at\":\"2023-11-14T22:13:20Z\",\"data\":{\"journal_id\":\"j_1\",\"approval_id\":\"a_1\",\"approval_state\":\"maybe\"}}" })
	void refusesMalformedSignedBody(String body) {
		assertRefused(() -> verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_1"), Reason.MALFORMED);
	}

	@Test
	void refusesBodyWhoseEventIdDiffersFromHeader() {
		assertRefused(() -> verify(this.verifier, BODY, NOW, FIXED_SIGNATURE, "evt_2"), Reason.MALFORMED)
			.withMessageContaining("X-Specora-Event-Id");
	}

	@Test
	void malformedBodyDoesNotUseUpTheEventId() {
		List<String> seen = new CopyOnWriteArrayList<>();
		InMemoryReplayStore delegate = new InMemoryReplayStore();
		WebhookVerifier recording = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(this.clock)
			.replayStore((eventId, retention) -> {
				seen.add(eventId);
				return delegate.markSeen(eventId, retention);
			})
			.build();
		String malformed = "{\"event_id\":\"evt_1\",\"event_type\":\"platform.budget_breach\"}";
		assertRefused(() -> verify(recording, malformed, NOW, sign(SECRET, NOW, malformed), "evt_1"),
				Reason.MALFORMED);
		assertThat(seen).isEmpty();
		assertThat(verify(recording, BODY, NOW, FIXED_SIGNATURE, "evt_1").eventId()).isEqualTo("evt_1");
		assertThat(seen).containsExactly("evt_1");
	}

	@Test
	void acceptsOffsetCreatedAtAndMissingOptionalFields() {
		String body = "{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\","
				+ "\"created_at\":\"2023-11-14T23:13:20+01:00\"}";
		WebhookEvent event = verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_1");
		assertThat(event.createdAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
		assertThat(event.orgId()).isNull();
		assertThat(event.data()).isEmpty();
	}

	@Test
	void acceptsUnknownTypeAndIgnoresUnknownFields() {
		String body = "{\"event_id\":\"evt_9\",\"event_type\":\"platform.something_new\",\"api_version\":\"2027-01\","
				+ "\"created_at\":\"2023-11-14T22:13:20Z\",\"data\":{\"whatever\":[1,2,3]}}";
		WebhookEvent event = verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_9");
		assertThat(event.type()).isEqualTo(WebhookEventType.UNKNOWN);
		assertThat(event.eventType()).isEqualTo("platform.something_new");
		assertThat(event.data()).containsEntry("whatever", List.of(1, 2, 3));
	}

	@Test
	void exposesApprovalResolvedPayload() {
		String body = event("evt_5", "runtime.approval_resolved", "{\"journal_id\":\"j_1\",\"approval_id\":\"a_1\","
				+ "\"approval_state\":\"denied\",\"resolved_by\":\"alice@example.com\",\"comment\":\"no\"}");
		WebhookEvent event = verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_5");
		assertThat(event.type()).isEqualTo(WebhookEventType.APPROVAL_RESOLVED);
		assertThat(event.approvalResolved())
			.contains(new ApprovalResolved("j_1", "a_1", Resolution.DENIED, "alice@example.com"));
		assertThat(event.dataAs(ApprovalResolved.class))
			.isEqualTo(new ApprovalResolved("j_1", "a_1", Resolution.DENIED, "alice@example.com"));
	}

	@Test
	void bindsDataToApplicationType() {
		String body = event("evt_6", "platform.budget_breach",
				"{\"budget_id\":\"b_1\",\"usage_percent\":101.5,\"severity\":\"HIGH\",\"extra\":true}");
		WebhookEvent event = verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_6");
		assertThat(event.dataAs(BudgetBreach.class)).isEqualTo(new BudgetBreach("b_1", 101.5, Severity.HIGH));
		assertThatIllegalArgumentException().isThrownBy(() -> event.dataAs(Strict.class))
			.withMessageContaining("evt_6")
			.withMessageContaining(Strict.class.getName());
	}

	@Test
	void eventDataCannotBeChangedThroughAccessor() {
		WebhookEvent event = verify(this.verifier, BODY, NOW, FIXED_SIGNATURE, "evt_1");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> event.data().put("usage_percent", 0));
		assertThat(event.data()).containsEntry("usage_percent", new BigDecimal("101.5"));
	}

	@Test
	void eventDataKeepsNumbersAsSentAndNestedValuesUnmodifiable() {
		String body = event("evt_7", "platform.something_new",
				"{\"amount\":0.1,\"big\":12345678901234567890,\"count\":3,\"exp\":1e2,"
						+ "\"nested\":{\"list\":[{\"a\":null}]}}");
		WebhookEvent event = verify(this.verifier, body, NOW, sign(SECRET, NOW, body), "evt_7");
		assertThat(event.data()).containsEntry("amount", new BigDecimal("0.1"))
			.containsEntry("big", new BigInteger("12345678901234567890"))
			.containsEntry("count", 3)
			.containsEntry("exp", new BigDecimal("1e2"));
		Map<?, ?> nested = (Map<?, ?>) event.data().get("nested");
		List<?> list = (List<?>) nested.get("list");
		assertThat(list.get(0)).isEqualTo(java.util.Collections.singletonMap("a", null));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> nested.clear());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.clear());
	}

	// replay

	@Test
	void refusesReplayedEvent() {
		verify(this.verifier, BODY, NOW, FIXED_SIGNATURE, "evt_1");
		assertRefused(() -> verify(this.verifier, BODY, NOW, FIXED_SIGNATURE, "evt_1"), Reason.REPLAYED);
		// same event signed again with a later timestamp is still a replay
		assertRefused(() -> verify(this.verifier, BODY, NOW + 5, sign(SECRET, NOW + 5, BODY), "evt_1"),
				Reason.REPLAYED);
	}

	@Test
	void asksReplayStoreToKeepIdsForTwiceTheTolerance() {
		List<Duration> retentions = new ArrayList<>();
		WebhookVerifier recording = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(this.clock)
			.replayStore((eventId, retention) -> retentions.add(retention))
			.build();
		verify(recording, BODY, NOW, FIXED_SIGNATURE, "evt_1");
		assertThat(retentions).containsExactly(Duration.ofSeconds(600));
		assertThat(recording.replayRetention()).isEqualTo(Duration.ofSeconds(600));
		assertThat(recording.tolerance()).isEqualTo(Duration.ofSeconds(300));
	}

	@Test
	void forgedRequestsDoNotReachReplayStore() {
		List<String> seen = new ArrayList<>();
		WebhookVerifier recording = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(this.clock)
			.replayStore((eventId, retention) -> seen.add(eventId))
			.build();
		assertRefused(() -> verify(recording, BODY, NOW, sign("whsec_other", NOW, BODY), "evt_1"),
				Reason.BAD_SIGNATURE);
		assertRefused(() -> verify(recording, BODY, NOW - 400, sign(SECRET, NOW - 400, BODY), "evt_1"),
				Reason.STALE_TIMESTAMP);
		assertThat(seen).isEmpty();
	}

	@Test
	void propagatesReplayStoreUnavailable() {
		ReplayStoreUnavailableException failure = new ReplayStoreUnavailableException("down", null);
		WebhookVerifier failing = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(this.clock)
			.replayStore((eventId, retention) -> {
				throw failure;
			})
			.build();
		assertThatExceptionOfType(ReplayStoreUnavailableException.class)
			.isThrownBy(() -> verify(failing, BODY, NOW, FIXED_SIGNATURE, "evt_1"))
			.isSameAs(failure);
	}

	@Test
	void turnsOtherReplayStoreFailuresIntoUnavailable() {
		IllegalStateException failure = new IllegalStateException("boom");
		WebhookVerifier failing = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(this.clock)
			.replayStore((eventId, retention) -> {
				throw failure;
			})
			.build();
		assertThatExceptionOfType(ReplayStoreUnavailableException.class)
			.isThrownBy(() -> verify(failing, BODY, NOW, FIXED_SIGNATURE, "evt_1"))
			.withCause(failure);
	}

	@Test
	void concurrentDeliveriesOfOneEventAcceptExactlyOne() throws Exception {
		int threads = 16;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reason>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					try {
						verify(this.verifier, BODY, NOW, FIXED_SIGNATURE, "evt_1");
						return null;
					}
					catch (WebhookVerificationException ex) {
						return ex.reason();
					}
				}));
			}
			start.countDown();
			List<Reason> outcomes = new ArrayList<>();
			for (Future<Reason> result : results) {
				outcomes.add(result.get(10, TimeUnit.SECONDS));
			}
			assertThat(outcomes).filteredOn((reason) -> reason == null).hasSize(1);
			assertThat(outcomes).filteredOn((reason) -> reason == Reason.REPLAYED).hasSize(threads - 1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	// header lookup

	@Test
	void readsHeadersThroughCaseInsensitiveLookup() {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("x-SPECORA-timestamp", String.valueOf(NOW));
		headers.put("X-SPECORA-SIGNATURE", FIXED_SIGNATURE);
		headers.put("x-specora-event-ID", "evt_1");
		assertThat(this.verifier.verify(bytes(BODY), headers::get).eventId()).isEqualTo("evt_1");
	}

	@Test
	void readsLowerCaseHeadersFromPlainMap() {
		Map<String, String> headers = new HashMap<>();
		headers.put("x-specora-timestamp", String.valueOf(NOW));
		headers.put("x-specora-signature", FIXED_SIGNATURE);
		headers.put("x-specora-event-id", "evt_1");
		assertThat(this.verifier.verify(bytes(BODY), headers::get).eventId()).isEqualTo("evt_1");
	}

	@Test
	void readsMixedCaseHeadersFromPlainMapThroughCaseInsensitive() {
		Map<String, String> headers = new HashMap<>();
		headers.put("X-SPECORA-TIMESTAMP", String.valueOf(NOW));
		headers.put("x-Specora-Signature", FIXED_SIGNATURE);
		headers.put("X-specora-EVENT-id", "evt_1");
		headers.put("Content-Type", "application/json");
		assertRefused(() -> this.verifier.verify(bytes(BODY), headers::get), Reason.MISSING_HEADER);
		assertThat(this.verifier.verify(bytes(BODY), WebhookVerifier.caseInsensitive(headers)).eventId())
			.isEqualTo("evt_1");
	}

	@Test
	void lookupFormRefusesMissingEventIdHeader() {
		Map<String, String> headers = Map.of(WebhookVerifier.TIMESTAMP_HEADER, String.valueOf(NOW),
				WebhookVerifier.SIGNATURE_HEADER, FIXED_SIGNATURE);
		assertRefused(() -> this.verifier.verify(bytes(BODY), headers::get), Reason.MISSING_HEADER)
			.withMessageContaining("X-Specora-Event-Id");
	}

	@Test
	void publishesHeaderNames() {
		assertThat(WebhookVerifier.TIMESTAMP_HEADER).isEqualTo("X-Specora-Timestamp");
		assertThat(WebhookVerifier.SIGNATURE_HEADER).isEqualTo("X-Specora-Signature");
		assertThat(WebhookVerifier.EVENT_ID_HEADER).isEqualTo("X-Specora-Event-Id");
	}

	// configuration

	@Test
	void requiresAtLeastOneSecret() {
		assertThatIllegalStateException().isThrownBy(() -> WebhookVerifier.builder().build())
			.withMessageContaining("secret");
	}

	@Test
	void refusesBlankSecretOrInvalidSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().secret("  "));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().secret(null));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().tolerance(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().maxBodySize(0));
	}

	@Test
	void defaultsToInMemoryReplayStorePerVerifier() {
		WebhookVerifier other = WebhookVerifier.builder().secret(SECRET).clock(this.clock).build();
		assertThat(this.verifier.replayStore()).isInstanceOf(InMemoryReplayStore.class)
			.isNotSameAs(other.replayStore());
	}

	@Test
	void neverShowsSecrets() {
		WebhookVerifier rotating = WebhookVerifier.builder().secret(OLD_SECRET).secret(SECRET).clock(this.clock).build();
		assertThat(rotating.toString()).doesNotContain(SECRET).doesNotContain(OLD_SECRET).contains("secrets=2");
		List<ThrowingCallable> failures = List.of(
				() -> verify(rotating, BODY, NOW, sign("whsec_other", NOW, BODY), "evt_1"),
				() -> verify(rotating, BODY, NOW - 999, FIXED_SIGNATURE, "evt_1"),
				() -> verify(rotating, "x", NOW, sign(SECRET, NOW, "x"), "evt_1"),
				() -> rotating.verify(bytes(BODY), null, null, null));
		for (ThrowingCallable failure : failures) {
			assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(failure)
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET)
					.doesNotContain(OLD_SECRET)
					.doesNotContain(FIXED_SIGNATURE.substring(7)));
		}
	}

	private static org.assertj.core.api.ThrowableAssertAlternative<WebhookVerificationException> assertRefused(
			ThrowingCallable call, Reason reason) {
		return assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private static WebhookEvent verify(WebhookVerifier verifier, String body, long timestamp, String signature,
			String eventId) {
		return verifier.verify(bytes(body), String.valueOf(timestamp), signature, eventId);
	}

	private static String sign(String secret, long timestamp, String body) {
		return WebhookSignatures.sign(secret, timestamp, bytes(body));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String event(String eventId, String eventType, String data) {
		return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + eventType
				+ "\",\"created_at\":\"2023-11-14T22:13:20Z\",\"org_id\":\"org_1\",\"data\":" + data + "}";
	}

	record BudgetBreach(String budgetId, double usagePercent, Severity severity) {
	}

	enum Severity {

		LOW, HIGH

	}

	record Strict(int budgetId) {
	}

}
