package ai.specora.client.platform;

import reactor.core.publisher.Mono;

/**
 * The {@link PlatformCallInterceptor} that changes nothing.
 */
enum NoInterceptor implements PlatformCallInterceptor {

	INSTANCE;

	@Override
	public <T> Mono<T> intercept(PlatformCall call, Mono<T> execution) {
		return execution;
	}

}
