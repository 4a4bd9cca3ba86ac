package ai.specora.localauthority;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.specora.client.evidence.EvidencePublicKey;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;

/**
 * A small, in-memory Specora Runtime Authority and Platform API that speaks protocol v1
 * on {@code 127.0.0.1}, for development, demos and tests. <strong>Never use it in
 * production</strong>: it keeps everything in memory, knows one API key, and forgets
 * its journal and budgets when closed.
 * <p>
 * It decides with ordered {@link PolicyRule policies} (first match wins, otherwise the
 * default effect), reserves estimated costs against {@link BudgetRule budgets}
 * atomically, keeps a bounded idempotent journal, holds suspended actions until
 * {@link #approve approved} or {@link #deny denied}, and posts signed webhooks.
 * <pre class="code">
 * try (LocalAuthority authority = LocalAuthority.start(LocalAuthoritySettings.builder()
 * 		.apiKey("dev-key")
 * 		.policy(PolicyRule.block("no-drops", "db_drop*", "dropping tables is not allowed"))
 * 		.build())) {
 * 	String baseUrl = authority.baseUrl(); // http://127.0.0.1:54321
 * }
 * </pre>
 * It serves the whole Platform API too, with the scripted state of its settings:
 * {@link PlatformPolicy platform policies}, {@link PlatformBudget platform budgets} in
 * micro-USD, {@link ModelPreference model preferences} and {@link ModelAssignment model
 * assignments}, a deterministic proxy and evidence bundles whose hash is the SHA-256 of
 * their {@link #evidenceBundle content}.
 * <p>
 * Besides the protocol's endpoints it serves {@code GET /local/approvals} (pending
 * approvals), {@code POST /local/approvals/{approval_id}} with
 * {@code {"decision": "approve"|"deny", "resolved_by": "..."}} and
 * {@code GET /local/evidence/{bundle_id}} (an evidence bundle's content), all behind the
 * same API key.
 */
public final class LocalAuthority implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(LocalAuthority.class);

	private final LocalAuthoritySettings settings;

	private final AuthorityEngine engine;

	private final PlatformEngine platform;

	private final WebhookSender webhooks;

	/**
	 * Every connection the server accepted. It stays closed: a connection accepted while
	 * the authority closes is closed as soon as it joins.
	 */
	private final ChannelGroup connections = new DefaultChannelGroup("specora-local-authority",
			GlobalEventExecutor.INSTANCE, true);

	private final DisposableServer server;

	private final int port;

	/** Set once {@link #close()} begins; from then on no request is answered. */
	private final AtomicBoolean closed = new AtomicBoolean();

	private final Object closeLock = new Object();

	private LocalAuthority(LocalAuthoritySettings settings) {
		this.settings = settings;
		JsonMapper mapper = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();
		this.webhooks = new WebhookSender(settings, mapper);
		this.engine = new AuthorityEngine(settings, this.webhooks::send);
		this.platform = new PlatformEngine(settings, this.engine, mapper, this.webhooks::send);
		HttpHandler routes = RouterFunctions
			.toHttpHandler(new AuthorityRoutes(this.engine, this.platform, mapper, settings).router());
		HttpHandler handler = (request, response) -> {
			response.getHeaders().set(REQUEST_ID_HEADER, "req_" + UUID.randomUUID().toString().replace("-", ""));
			return routes.handle(request, response);
		};
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(handler);
		try {
			this.server = HttpServer.create()
				.channelGroup(this.connections)
				.host(HOST)
				.port(settings.port())
				.handle((request, response) -> {
					if (this.closed.get()) {
						// closing: drop the connection rather than answer
						response.withConnection(Connection::dispose);
						return Mono.empty();
					}
					return adapter.apply(request, response);
				})
				.bindNow(START_TIMEOUT);
		}
		catch (RuntimeException ex) {
			this.webhooks.close();
			throw ex;
		}
		this.port = this.server.port();
	}

	/**
	 * Starts a local authority on {@code 127.0.0.1}.
	 * @param settings the settings
	 * @return the running authority; close it to stop it
	 * @throws RuntimeException if the port cannot be bound
	 */
	public static LocalAuthority start(LocalAuthoritySettings settings) {
		Objects.requireNonNull(settings, "settings must not be null");
		LocalAuthority authority = new LocalAuthority(settings);
		logger.info("Specora local authority listening on {}: in-memory, for development, demos and tests only, "
				+ "never for production", authority.baseUrl());
		return authority;
	}

	/**
	 * The base URL clients use, e.g. {@code http://127.0.0.1:54321}.
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		return "http://" + HOST + ":" + port();
	}

	/**
	 * The bound port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The settings this authority runs with.
	 * @return the settings
	 */
	public LocalAuthoritySettings settings() {
		return this.settings;
	}

	/**
	 * Approves a suspended action: its decision becomes {@code allow} and its estimated
	 * cost is reserved, and a {@code runtime.approval_resolved} webhook is sent.
	 * @param approvalId the approval's id
	 * @param resolvedBy who approves
	 * @return the outcome
	 * @throws LocalAuthorityException 404 {@code not_found} for an unknown approval, 409
	 * {@code already_resolved} or {@code already_completed} when it is no longer pending,
	 * 409 {@code budget_exhausted} (the approval stays pending) when the reservation
	 * would exceed a budget
	 */
	public ApprovalOutcome approve(String approvalId, String resolvedBy) {
		return this.engine.resolve(approvalId, true, resolvedBy);
	}

	/**
	 * Denies a suspended action: its decision becomes {@code block}, and a
	 * {@code runtime.approval_resolved} webhook is sent.
	 * @param approvalId the approval's id
	 * @param resolvedBy who denies
	 * @return the outcome
	 * @throws LocalAuthorityException 404 {@code not_found} for an unknown approval, 409
	 * {@code already_resolved} or {@code already_completed} when it is no longer pending
	 */
	public ApprovalOutcome deny(String approvalId, String resolvedBy) {
		return this.engine.resolve(approvalId, false, resolvedBy);
	}

	/**
	 * The suspended actions waiting for approval, oldest first.
	 * @return the pending approvals
	 */
	public List<PendingApproval> pendingApprovals() {
		return this.engine.pendingApprovals();
	}

	/**
	 * An evidence bundle: the ZIP in Specora's public evidence format (a canonical
	 * {@code manifest.json} listing {@code trace.jsonl}, {@code confidence_report.json}
	 * and, when asked, {@code provenance.json}, signed with
	 * {@link #evidenceSigningKey()}); its {@code bundle_hash} is {@code sha256:} and the
	 * manifest's {@code signing.manifest_sha256}. Also served as
	 * {@code GET /v1/platform/evidence/bundles/{bundle_id}}.
	 * @param bundleId the bundle's id
	 * @return a copy of the ZIP's bytes, or empty when the id is unknown (or forgotten:
	 * the 1,000 latest bundles are kept)
	 */
	public Optional<byte[]> evidenceBundle(String bundleId) {
		return this.platform.evidenceBundle(bundleId);
	}

	/**
	 * The public key that signs evidence manifests (configured, or generated at
	 * start-up); also served as PEM at {@code GET /v1/platform/evidence/signing-key}.
	 * @return the key, with its key id
	 */
	public EvidencePublicKey evidenceSigningKey() {
		return this.platform.signer().publicKey();
	}

	/**
	 * Stops the authority and cancels webhook deliveries still in flight. When it
	 * returns, the authority answers no request any more:
	 * <ul>
	 * <li>it no longer listens on its port, so new connections are refused;</li>
	 * <li>requests already being handled when it is called are answered first (for up
	 * to 5 seconds); a request that arrives once it is called is not answered, its
	 * connection is closed instead;</li>
	 * <li>every connection it accepted is closed, idle connections a client keeps
	 * alive included, so a client's next request on them fails.</li>
	 * </ul>
	 * The port is then free, and another server may bind it later. Calling it again
	 * does nothing; a call made while another one runs returns once that one has
	 * finished. It blocks, so it must not be called from an event-loop thread.
	 * @throws IllegalStateException if a request in flight is not answered, or a
	 * connection is not closed, within 5 seconds; the listening socket and the other
	 * connections are closed all the same
	 */
	@Override
	public void close() {
		synchronized (this.closeLock) {
			if (this.closed.compareAndSet(false, true)) {
				stop();
				logger.info("Specora local authority on port {} stopped", this.port);
			}
		}
	}

	private void stop() {
		try {
			// closes the listening socket and waits for the requests in flight
			this.server.disposeNow(STOP_TIMEOUT);
		}
		finally {
			try {
				closeConnections();
			}
			finally {
				this.webhooks.close();
			}
		}
	}

	/**
	 * Closes every connection and waits until they are closed: the server's own dispose
	 * only starts closing idle kept-alive connections, so one could still read and
	 * answer a request after it returned.
	 */
	private void closeConnections() {
		ChannelGroupFuture closing = this.connections.close();
		if (!closing.awaitUninterruptibly(STOP_TIMEOUT.toMillis())) {
			throw new IllegalStateException("The connections of the local authority on port " + this.port
					+ " could not be closed within " + STOP_TIMEOUT.toSeconds() + "s");
		}
		if (!closing.isSuccess()) {
			throw new IllegalStateException("Some connections of the local authority on port " + this.port
					+ " could not be closed", closing.cause());
		}
	}

	@Override
	public String toString() {
		return "LocalAuthority[" + baseUrl() + "]";
	}

}
