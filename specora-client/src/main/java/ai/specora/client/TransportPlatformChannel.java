package ai.specora.client;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.specora.client.internal.PlatformChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * The {@link PlatformChannel} of a client: its {@link HttpTransport}, settings and
 * {@code onError} callback, as the Platform API ({@link ai.specora.client.platform})
 * uses them. Applications reach the platform calls through
 * {@link SpecoraClient#platform()} and {@link ReactiveSpecoraClient#platform()}.
 */
final class TransportPlatformChannel implements PlatformChannel {

	private static final Logger logger = LoggerFactory.getLogger(TransportPlatformChannel.class);

	private final HttpTransport transport;

	private final ClientResources resources;

	private final SpecoraClientSettings settings;

	private final Consumer<SpecoraException> onError;

	TransportPlatformChannel(HttpTransport transport, ClientResources resources, SpecoraClientSettings settings,
			Consumer<SpecoraException> onError) {
		this.transport = transport;
		this.resources = resources;
		this.settings = settings;
		this.onError = (onError != null) ? onError : (ex) -> {
		};
	}

	@Override
	public <T> Mono<T> post(String path, Object body, String description, Function<byte[], T> decoder) {
		return execute(postCall(path, body, description, decoder, false, UUID.randomUUID().toString()));
	}

	@Override
	public <T> Mono<T> post(String path, Object body, String description, Function<byte[], T> decoder,
			UUID idempotencyKey) {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
		return execute(postCall(path, body, description, decoder, false, idempotencyKey.toString()));
	}

	@Override
	public <T> Mono<T> get(String path, Object[] uriVariables, String description, Function<byte[], T> decoder) {
		return execute(new HttpTransport.Call<>(HttpMethod.GET, path, uriVariables.clone(), null, null, true,
				description, decoder, false));
	}

	@Override
	public <T> Mono<T> getBinary(String path, Object[] uriVariables, String accept, String description,
			Function<byte[], T> decoder) {
		return execute(new HttpTransport.Call<>(HttpMethod.GET, path, uriVariables.clone(), null, null, true,
				description, new HttpTransport.BinaryDecoder<>(accept, decoder), false));
	}

	@Override
	public <T> Mono<T> decide(String path, Object body, String description, String subject, Logger failOpenLogger,
			Function<byte[], T> decoder, Supplier<T> failOpen) {
		HttpTransport.Call<T> call = postCall(path, body, description, decoder, true, UUID.randomUUID().toString());
		return this.transport.execute(call)
			.onErrorResume(SpecoraUnavailableException.class,
					(ex) -> FailModes.apply(failOpenLogger, this.settings.failMode(), description, subject,
							call.idempotencyKey(), ex, failOpen, this::notifyError))
			.doOnError(SpecoraException.class, this::notifyError);
	}

	@Override
	public RuntimeException invalidRequest(String message) {
		return new ValidationException(message, SpecoraException.ErrorDetails.NONE);
	}

	@Override
	public boolean isVendorModel() {
		return this.settings.isVendorModel();
	}

	@Override
	public JsonMapper jsonMapper() {
		return this.resources.jsonMapper();
	}

	private <T> HttpTransport.Call<T> postCall(String path, Object body, String description,
			Function<byte[], T> decoder, boolean decision, String idempotencyKey) {
		Objects.requireNonNull(body, "body must not be null");
		return new HttpTransport.Call<>(HttpMethod.POST, path, new Object[0], body, idempotencyKey, true, description,
				decoder, decision);
	}

	private <T> Mono<T> execute(HttpTransport.Call<T> call) {
		return this.transport.execute(call).doOnError(SpecoraException.class, this::notifyError);
	}

	private void notifyError(SpecoraException error) {
		try {
			this.onError.accept(error);
		}
		catch (RuntimeException ex) {
			logger.warn("Specora onError callback failed; the call goes on", ex);
		}
	}

	@Override
	public String toString() {
		return "TransportPlatformChannel[" + SpecoraClient.describe(this.settings) + "]";
	}

}
