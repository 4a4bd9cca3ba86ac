package ai.specora.spring.autoconfigure.localauthority;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.spring.autoconfigure.SpecoraConnectionDetails;

/**
 * {@link SpecoraConnectionDetails} of the embedded local authority: its loopback
 * address, the key it accepts and its organisation.
 */
final class LocalAuthorityConnectionDetails implements SpecoraConnectionDetails {

	private final LocalAuthority authority;

	LocalAuthorityConnectionDetails(LocalAuthority authority) {
		this.authority = authority;
	}

	@Override
	public String baseUrl() {
		return this.authority.baseUrl();
	}

	@Override
	public String apiKey() {
		return this.authority.settings().apiKey();
	}

	@Override
	public String orgId() {
		return this.authority.settings().orgId();
	}

	@Override
	public String toString() {
		return "LocalAuthorityConnectionDetails[baseUrl=" + baseUrl() + ", apiKey=******]";
	}

}
