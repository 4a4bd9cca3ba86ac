package ai.specora.spring.ai.autoconfigure;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The name of the authenticated user of the current thread, from Spring Security: the
 * {@code #principal} of tool expressions. Loaded only when Spring Security is present.
 */
final class SecurityContextPrincipal {

	private SecurityContextPrincipal() {
	}

	static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

}
