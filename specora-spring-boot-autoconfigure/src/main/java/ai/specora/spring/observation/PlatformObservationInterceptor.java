package ai.specora.spring.observation;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.specora.client.platform.PlatformCall;
import ai.specora.client.platform.PlatformCallInterceptor;
import ai.specora.runtime.observation.DefaultPlatformObservationConvention;
import ai.specora.runtime.observation.PlatformObservationContext;
import ai.specora.runtime.observation.PlatformObservationConvention;
import ai.specora.runtime.observation.SpecoraObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

/**
 * Observes every platform call of a client as {@code specora.platform}: started when the
 * call is subscribed to, stopped on its answer, failure or cancellation. The auto-configured
 * client gets one through a {@code SpecoraClientBuilderCustomizer}; for a client of your
 * own, pass one to {@code SpecoraClientBuilder#platformInterceptor}.
 */
public final class PlatformObservationInterceptor implements PlatformCallInterceptor {

	private static final PlatformObservationConvention DEFAULT_CONVENTION = new DefaultPlatformObservationConvention();

	private final ObservationRegistry registry;

	private final PlatformObservationConvention convention;

	/**
	 * Creates the interceptor.
	 * @param registry where calls are observed
	 * @param convention the convention, or {@code null} for
	 * {@link DefaultPlatformObservationConvention}
	 */
	public PlatformObservationInterceptor(ObservationRegistry registry, PlatformObservationConvention convention) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.convention = convention;
	}

	@Override
	public <T> Mono<T> intercept(PlatformCall call, Mono<T> execution) {
		return Mono.defer(() -> {
			PlatformObservationContext context = new PlatformObservationContext(call);
			Observation observation = SpecoraObservationDocumentation.PLATFORM
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
				.start();
			AtomicBoolean stopped = new AtomicBoolean();
			// stopped before the answer travels on, so that a blocked caller sees it stopped
			return execution.doOnSuccess((value) -> {
				if (value != null) {
					context.succeeded(value);
				}
				stop(observation, stopped);
			}).doOnError((ex) -> {
				context.failed(ex);
				observation.error(ex);
				stop(observation, stopped);
			}).doOnCancel(() -> {
				context.cancelled();
				stop(observation, stopped);
			});
		});
	}

	private static void stop(Observation observation, AtomicBoolean stopped) {
		if (stopped.compareAndSet(false, true)) {
			observation.stop();
		}
	}

}
