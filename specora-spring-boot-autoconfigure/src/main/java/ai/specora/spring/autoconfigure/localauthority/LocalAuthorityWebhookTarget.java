package ai.specora.spring.autoconfigure.localauthority;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The application's own webhook endpoint as the local authority's webhook target: known
 * once the application's web server has started and its port is bound. Until then it
 * answers {@code null}, and the local authority drops events with a warning.
 */
final class LocalAuthorityWebhookTarget implements Supplier<URI>, ApplicationListener<WebServerInitializedEvent> {

	private final String host;

	private final String path;

	private volatile URI target;

	/**
	 * Creates a target on the given host.
	 * @param host the host the application's server answers on
	 * @param path the endpoint's path, context path included
	 */
	LocalAuthorityWebhookTarget(String host, String path) {
		this.host = host;
		this.path = path;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.target = URI.create("http://" + this.host + ":" + event.getWebServer().getPort() + this.path);
		}
	}

	@Override
	public URI get() {
		return this.target;
	}

}
