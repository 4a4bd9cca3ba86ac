package ai.specora.spring.observation;

import ai.specora.client.SpecoraClient;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * Gives the authority's HTTP calls, observed by Spring as {@code http.client.requests},
 * the {@code client.name} {@value SpecoraMeterNames#CLIENT_NAME}, whatever the host of
 * the authority. A call is recognised by the {@link #CLIENT_ATTRIBUTE} request attribute
 * that the client puts on every request; other observations are left as they are.
 */
public final class SpecoraClientRequestObservationFilter implements ObservationFilter {

	/**
	 * The request attribute that marks the Specora client's requests.
	 */
	public static final String CLIENT_ATTRIBUTE = SpecoraClient.REQUEST_ATTRIBUTE;

	private static final KeyValue CLIENT_NAME = KeyValue.of("client.name", SpecoraMeterNames.CLIENT_NAME);

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ClientRequestObservationContext clientContext) {
			ClientRequest request = clientContext.getRequest();
			if (request != null && request.attribute(CLIENT_ATTRIBUTE).isPresent()) {
				clientContext.addLowCardinalityKeyValue(CLIENT_NAME);
			}
		}
		return context;
	}

}
