package ai.specora.spring.autoconfigure.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Specora webhook endpoint, under the {@code specora.webhook}
 * prefix. The endpoint is configured only when {@code specora.webhook.secret} or
 * {@code specora.webhook.secrets} is set. Secrets never appear in {@link #toString()}.
 */
@ConfigurationProperties("specora.webhook")
public class SpecoraWebhookProperties {

	/**
	 * The default path of the endpoint.
	 */
	public static final String DEFAULT_PATH = "/specora/webhooks";

	/**
	 * Shared secret the webhook requests are signed with. Set it from a secret store or
	 * the SPECORA_WEBHOOK_SECRET environment variable; it is never logged.
	 */
	private String secret;

	/**
	 * Further secrets accepted next to 'secret', for rotation: a request signed with any
	 * of them is accepted.
	 */
	private List<String> secrets = new ArrayList<>();

	/**
	 * Path of the webhook endpoint (POST).
	 */
	private String path = DEFAULT_PATH;

	/**
	 * Largest accepted difference, in either direction, between a request's timestamp
	 * and the clock. Event ids are remembered for twice this long.
	 */
	private Duration tolerance = Duration.ofSeconds(300);

	/**
	 * Largest accepted request body; larger requests are refused with 413.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * Where the ids of accepted events are remembered to refuse replays.
	 */
	private ReplayStoreType replayStore = ReplayStoreType.AUTO;

	/**
	 * Maximum number of event ids remembered by the in-memory replay store.
	 */
	private int replayCacheSize = 10_000;

	private final Redis redis = new Redis();

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public List<String> getSecrets() {
		return this.secrets;
	}

	public void setSecrets(List<String> secrets) {
		this.secrets = secrets;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Duration getTolerance() {
		return this.tolerance;
	}

	public void setTolerance(Duration tolerance) {
		this.tolerance = tolerance;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public ReplayStoreType getReplayStore() {
		return this.replayStore;
	}

	public void setReplayStore(ReplayStoreType replayStore) {
		this.replayStore = replayStore;
	}

	public int getReplayCacheSize() {
		return this.replayCacheSize;
	}

	public void setReplayCacheSize(int replayCacheSize) {
		this.replayCacheSize = replayCacheSize;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Returns every configured secret: {@code secret} first, then {@code secrets},
	 * without blanks and duplicates.
	 * @return the secrets, possibly empty
	 */
	public List<String> allSecrets() {
		List<String> all = new ArrayList<>();
		if (this.secret != null && !this.secret.isBlank()) {
			all.add(this.secret);
		}
		if (this.secrets != null) {
			for (String candidate : this.secrets) {
				if (candidate != null && !candidate.isBlank() && !all.contains(candidate)) {
					all.add(candidate);
				}
			}
		}
		return all;
	}

	@Override
	public String toString() {
		return "SpecoraWebhookProperties[secrets=" + allSecrets().size() + " (masked), path=" + this.path
				+ ", tolerance=" + this.tolerance + ", maxBodySize=" + this.maxBodySize + ", replayStore="
				+ this.replayStore + ", replayCacheSize=" + this.replayCacheSize + ", redis.keyPrefix="
				+ this.redis.keyPrefix + "]";
	}

	/**
	 * The replay store to use.
	 */
	public enum ReplayStoreType {

		/**
		 * Redis when a RedisConnectionFactory bean and spring-data-redis are present,
		 * memory otherwise.
		 */
		AUTO,

		/**
		 * A bounded store in the memory of this instance.
		 */
		MEMORY,

		/**
		 * Redis, shared by all instances; start-up fails if no Redis is configured.
		 */
		REDIS

	}

	/**
	 * Settings of the Redis replay store.
	 */
	public static class Redis {

		/**
		 * Prefix of the Redis keys of remembered event ids.
		 */
		private String keyPrefix = "specora:webhook:event:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
