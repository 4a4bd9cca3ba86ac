package ai.specora.localauthority;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pre-authorisations issued by {@code POST /v1/platform/preauthorize}, each valid
 * for the reservation life, that a proxied call may name as {@code authorization_id};
 * the oldest go first when the journal capacity is reached. Not thread-safe: guarded
 * by the {@link PlatformEngine}'s lock.
 */
final class PreAuthorizations {

	private final LinkedHashMap<String, Authorization> authorizations = new LinkedHashMap<>();

	private final Duration ttl;

	private final int capacity;

	PreAuthorizations(Duration ttl, int capacity) {
		this.ttl = ttl;
		this.capacity = capacity;
	}

	/** Issues a pre-authorisation of a routed provider and model. */
	Authorization issue(String provider, String model, Instant now) {
		Authorization authorization = new Authorization(Ids.newId("auth_"), provider, model, now.plus(this.ttl));
		BoundedMaps.put(this.authorizations, authorization.id(), authorization, this.capacity);
		return authorization;
	}

	/**
	 * The pre-authorisation a proxied call names.
	 * @throws LocalAuthorityException 422 {@code authorization_unknown} or
	 * {@code authorization_expired}
	 */
	Authorization require(String authorizationId, Instant now) {
		Authorization authorization = this.authorizations.get(authorizationId);
		if (authorization == null) {
			throw new LocalAuthorityException(422, "authorization_unknown",
					"authorization_id " + authorizationId + " is unknown: call preauthorize first",
					Map.of("field", "authorization_id"));
		}
		if (!now.isBefore(authorization.expiresAt())) {
			throw new LocalAuthorityException(422, "authorization_expired", "authorization_id " + authorizationId
					+ " expired at " + authorization.expiresAt() + ": call preauthorize again",
					Map.of("field", "authorization_id"));
		}
		return authorization;
	}

	/** An issued pre-authorisation, valid until {@code expiresAt}. */
	record Authorization(String id, String provider, String model, Instant expiresAt) {
	}

}
