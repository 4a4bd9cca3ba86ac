package ai.specora.spring.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Specora authority is and how to authenticate to it. By default these come
 * from the {@code specora.base-url} and {@code specora.api-key} properties; an
 * application or a development tool (a local authority, for example) can define its own
 * bean of this type to supply them instead, and the properties are then ignored.
 * <p>
 * Implementations must never show the API key in {@code toString()}, logs or exception
 * messages.
 */
public interface SpecoraConnectionDetails extends ConnectionDetails {

	/**
	 * The authority's base URL, e.g. {@code https://api.specora.ai}.
	 * @return the base URL, or {@code null} when none is configured
	 */
	String baseUrl();

	/**
	 * The API key, sent as a bearer token.
	 * @return the API key, or {@code null} when none is configured
	 */
	String apiKey();

	/**
	 * The organisation id, when these connection details come with one of their own (a
	 * local authority, for example).
	 * @return the organisation id, or {@code null} (the default) to use
	 * {@code specora.org-id}
	 */
	default String orgId() {
		return null;
	}

}
