package ai.specora.client.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

/**
 * Builds a {@link WebhookVerifier}; start one with {@link WebhookVerifier#builder()}. At
 * least one secret is required; everything else has a default. Not thread-safe.
 */
public final class WebhookVerifierBuilder {

	private final List<SecretKeySpec> keys = new ArrayList<>();

	private Duration tolerance = WebhookVerifier.DEFAULT_TOLERANCE;

	private Clock clock = Clock.systemUTC();

	private ReplayStore replayStore;

	private int maxBodySize = WebhookVerifier.DEFAULT_MAX_BODY_SIZE;

	WebhookVerifierBuilder() {
	}

	/**
	 * Adds a secret. Add both the old and the new secret while rotating: a request
	 * is accepted if it is signed with any of them.
	 * @param secret the shared webhook secret, not blank
	 * @return this builder
	 */
	public WebhookVerifierBuilder secret(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("Webhook secret must not be null or blank");
		}
		this.keys.add(WebhookSignatures.key(secret));
		return this;
	}

	/**
	 * Adds several secrets.
	 * @param secrets the shared webhook secrets, none blank
	 * @return this builder
	 * @see #secret(String)
	 */
	public WebhookVerifierBuilder secrets(Collection<String> secrets) {
		Objects.requireNonNull(secrets, "secrets must not be null");
		secrets.forEach(this::secret);
		return this;
	}

	/**
	 * Sets the largest accepted difference between a request's timestamp and the
	 * clock, in either direction; default 300 seconds. The replay store keeps event
	 * ids for twice this long.
	 * @param tolerance the tolerance, positive
	 * @return this builder
	 */
	public WebhookVerifierBuilder tolerance(Duration tolerance) {
		Objects.requireNonNull(tolerance, "tolerance must not be null");
		if (tolerance.isNegative() || tolerance.isZero()) {
			throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
		}
		this.tolerance = tolerance;
		return this;
	}

	/**
	 * Sets the clock the timestamp is compared with; default the system UTC clock.
	 * @param clock the clock
	 * @return this builder
	 */
	public WebhookVerifierBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * Sets the replay store; default a new {@link InMemoryReplayStore} for each
	 * built verifier.
	 * @param replayStore the replay store
	 * @return this builder
	 */
	public WebhookVerifierBuilder replayStore(ReplayStore replayStore) {
		this.replayStore = Objects.requireNonNull(replayStore, "replayStore must not be null");
		return this;
	}

	/**
	 * Sets the maximum body size in bytes; default 1 MiB.
	 * @param maxBodySize the maximum body size, positive
	 * @return this builder
	 */
	public WebhookVerifierBuilder maxBodySize(int maxBodySize) {
		if (maxBodySize <= 0) {
			throw new IllegalArgumentException("maxBodySize must be positive, was " + maxBodySize);
		}
		this.maxBodySize = maxBodySize;
		return this;
	}

	/**
	 * Builds the verifier.
	 * @return the verifier
	 * @throws IllegalStateException if no secret was added
	 */
	public WebhookVerifier build() {
		if (this.keys.isEmpty()) {
			throw new IllegalStateException("At least one webhook secret is required");
		}
		return new WebhookVerifier(this.keys, this.tolerance, this.clock,
				(this.replayStore != null) ? this.replayStore : new InMemoryReplayStore(), this.maxBodySize);
	}

}

