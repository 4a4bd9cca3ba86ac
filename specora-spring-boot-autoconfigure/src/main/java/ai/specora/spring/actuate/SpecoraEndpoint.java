package ai.specora.spring.actuate;

import java.util.Locale;
import java.util.Objects;

import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientSettings;
import ai.specora.runtime.CompletionDispatcher;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code specora} actuator endpoint: where the client talks to, with
 * which identity and fail mode, whether enforcement and the webhook endpoint are on,
 * how many completions wait for delivery, and the last failure of the client. It never
 * shows the API key nor the webhook secrets.
 */
@Endpoint(id = "specora")
public final class SpecoraEndpoint {

	private final SpecoraClient client;

	private final boolean enforcementEnabled;

	private final CompletionDispatcher dispatcher;

	private final String webhookPath;

	private final SpecoraErrorRecorder errorRecorder;

	/**
	 * Creates the endpoint.
	 * @param client the client
	 * @param enforcementEnabled whether {@code @Enforced} methods are governed
	 * @param dispatcher delivers completions, or {@code null} without enforcement
	 * @param webhookPath the path of the webhook endpoint, or {@code null} when it is off
	 * @param errorRecorder remembers the client's last failure
	 */
	public SpecoraEndpoint(SpecoraClient client, boolean enforcementEnabled, CompletionDispatcher dispatcher,
			String webhookPath, SpecoraErrorRecorder errorRecorder) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.enforcementEnabled = enforcementEnabled;
		this.dispatcher = dispatcher;
		this.webhookPath = webhookPath;
		this.errorRecorder = Objects.requireNonNull(errorRecorder, "errorRecorder must not be null");
	}

	/**
	 * Describes the Specora integration.
	 * @return the description
	 */
	@ReadOperation
	public SpecoraDescriptor specora() {
		SpecoraClientSettings settings = this.client.settings();
		Completions completions = (this.dispatcher != null)
				? new Completions(this.dispatcher.pendingCount(), this.dispatcher.droppedCount(),
						this.dispatcher.storeName())
				: null;
		return new SpecoraDescriptor(settings.baseUrl().toString(), settings.orgId(), settings.projectId(),
				settings.agentId(), settings.vendorId(), settings.tenantId(),
				settings.failMode().name().toLowerCase(Locale.ROOT),
				new Enforcement(this.enforcementEnabled, completions),
				new Webhook(this.webhookPath != null, this.webhookPath), this.errorRecorder.lastError());
	}

	/**
	 * What the {@code specora} endpoint shows.
	 *
	 * @param baseUrl the authority's base URL
	 * @param orgId the organisation id
	 * @param projectId the project id, or {@code null}
	 * @param agentId the agent id, or {@code null}
	 * @param vendorId the vendor id of the vendor-reseller model, or {@code null}
	 * @param tenantId the tenant id of the vendor-reseller model, or {@code null}
	 * @param failMode the client's fail mode, {@code open} or {@code closed}
	 * @param enforcement the state of {@code @Enforced} governance
	 * @param webhook the state of the webhook endpoint
	 * @param lastError the last failure of the client, or {@code null}
	 */
	public record SpecoraDescriptor(String baseUrl, String orgId, String projectId, String agentId, String vendorId,
			String tenantId, String failMode, Enforcement enforcement, Webhook webhook,
			SpecoraErrorRecorder.LastError lastError) {

	}

	/**
	 * The state of {@code @Enforced} governance.
	 *
	 * @param enabled whether governed methods are enforced
	 * @param completions the completion queue, or {@code null} when not enforcing
	 */
	public record Enforcement(boolean enabled, Completions completions) {

	}

	/**
	 * The completion queue.
	 *
	 * @param pending completions waiting for delivery (in a Redis store: the backlog
	 * of every replica)
	 * @param dropped completions dropped undelivered since start-up
	 * @param store where they wait: {@code memory}, {@code redis}, or {@code none} when
	 * they are delivered synchronously
	 */
	public record Completions(int pending, long dropped, String store) {

	}

	/**
	 * The state of the webhook endpoint.
	 *
	 * @param enabled whether the endpoint receives events
	 * @param path the path it listens on, or {@code null} when it is off
	 */
	public record Webhook(boolean enabled, String path) {

	}

}
