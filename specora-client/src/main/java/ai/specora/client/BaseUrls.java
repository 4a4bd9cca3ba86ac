package ai.specora.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Validates the authority base URL: HTTPS everywhere, plain HTTP only on loopback so
 * the bearer token never travels in clear text over a network.
 */
final class BaseUrls {

	private BaseUrls() {
	}

	static URI validate(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfigurationException("baseUrl",
					"Specora base URL is not set: set it to the authority's address, e.g. https://api.specora.ai");
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationException("baseUrl",
					"Specora base URL '" + redact(value) + "' is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			throw new InvalidConfigurationException("baseUrl", "Specora base URL '" + redact(value)
					+ "' must start with https:// (or http:// for localhost only)");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new InvalidConfigurationException("baseUrl", "Specora base URL '" + redact(value) + "' has no host");
		}
		if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
			throw new InvalidConfigurationException("baseUrl",
					"Specora base URL must not contain credentials, a query or a fragment");
		}
		if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
			throw new InvalidConfigurationException("baseUrl", "Specora base URL '" + redact(value)
					+ "' uses plain http to a remote host, which would expose the API key: use https:// "
					+ "(plain http is allowed only for localhost, 127.0.0.0/8 and [::1])");
		}
		String text = uri.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return URI.create(text);
	}

	/**
	 * The URL as it may be shown: anything between the scheme and an {@code @} (user
	 * name, password) is masked.
	 */
	static String redact(String value) {
		return value.replaceAll("(?<=//)[^/?#]*@", "******@");
	}

	static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		if (h.equals("localhost")) {
			return true;
		}
		if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
			return true;
		}
		if (h.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
			try {
				// literal IPv4 address: no lookup is made
				return InetAddress.getByName(h).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

}
