package ai.specora.client.platform;

import reactor.core.publisher.Mono;

/**
 * Wraps every platform call of a client, blocking and reactive alike, e.g. to observe
 * it (the Spring Boot starter's {@code specora.platform} observation is one). Set with
 * {@code SpecoraClientBuilder#platformInterceptor}.
 * <p>
 * An interceptor must return a {@code Mono} that subscribes to {@code execution} at
 * most once and passes its value or error on unchanged; it must not block.
 */
@FunctionalInterface
public interface PlatformCallInterceptor {

	/**
	 * Wraps one call.
	 * @param call what the call is
	 * @param execution the call, not yet subscribed; its value is the call's result
	 * record (e.g. {@link PolicyCheckResult}) and its error the call's exception
	 * @param <T> the result type
	 * @return the wrapped call
	 */
	<T> Mono<T> intercept(PlatformCall call, Mono<T> execution);

	/**
	 * The interceptor that changes nothing.
	 * @return the interceptor
	 */
	static PlatformCallInterceptor none() {
		return NoInterceptor.INSTANCE;
	}

	/**
	 * Wraps {@code this} around {@code inner}: {@code this} sees the call as
	 * {@code inner} returns it.
	 * @param inner the interceptor to wrap
	 * @return the composed interceptor
	 */
	default PlatformCallInterceptor around(PlatformCallInterceptor inner) {
		PlatformCallInterceptor outer = this;
		return new PlatformCallInterceptor() {

			@Override
			public <T> Mono<T> intercept(PlatformCall call, Mono<T> execution) {
				return outer.intercept(call, inner.intercept(call, execution));
			}

		};
	}

}
