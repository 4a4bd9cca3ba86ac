package ai.specora.localauthority;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;

/**
 * The set-up of the tests that talk to a local authority over HTTP: the authority under
 * test, started on a {@link MutableClock} with the test API key, an
 * {@link AuthorityClient} for it and, for the tests of webhooks, the
 * {@link WebhookReceiver} it sends them to. A test may start the authority again with
 * other settings; whatever it started is closed after it.
 */
abstract class AbstractLocalAuthorityTests {

	/** The API key of every authority started here. */
	static final String API_KEY = "test-key";

	/** Where the clock starts. */
	static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

	final MutableClock clock = new MutableClock(START);

	LocalAuthority authority;

	AuthorityClient client;

	WebhookReceiver receiver;

	/**
	 * Starts an authority with the API key, the clock and the given settings, and a
	 * client for it, closing the authority the test started before.
	 * @param settings adds the settings of the test
	 */
	void start(Consumer<LocalAuthoritySettings.Builder> settings) {
		if (this.authority != null) {
			this.authority.close();
		}
		LocalAuthoritySettings.Builder builder = LocalAuthoritySettings.builder().apiKey(API_KEY).clock(this.clock);
		settings.accept(builder);
		this.authority = LocalAuthority.start(builder.build());
		this.client = new AuthorityClient(this.authority);
	}

	/**
	 * Starts an authority as {@link #start(Consumer)} does, that sends its webhooks to
	 * the receiver, started on first use, signed with the given secret.
	 * @param secret the webhook secret
	 * @param settings adds the settings of the test
	 * @throws IOException if the receiver cannot be started
	 */
	void startWithWebhooks(String secret, Consumer<LocalAuthoritySettings.Builder> settings) throws IOException {
		if (this.receiver == null) {
			this.receiver = new WebhookReceiver();
		}
		start((builder) -> settings.accept(builder.webhookUrl(this.receiver.url()).webhookSecret(secret)));
	}

	@AfterEach
	void closeAuthority() {
		if (this.authority != null) {
			this.authority.close();
		}
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

}
