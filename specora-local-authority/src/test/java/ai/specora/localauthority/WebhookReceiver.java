package ai.specora.localauthority;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A tiny webhook endpoint on 127.0.0.1 that records what it receives and answers with
 * scripted statuses (204 once the script runs out).
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

	private final BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/webhooks", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				this.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Specora-Timestamp"),
						exchange.getRequestHeaders().getFirst("X-Specora-Signature"),
						exchange.getRequestHeaders().getFirst("X-Specora-Event-Id"), body));
				Integer status = this.statuses.poll();
				exchange.sendResponseHeaders((status != null) ? status : 204, -1);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/webhooks");
	}

	void respondWith(int... scripted) {
		for (int status : scripted) {
			this.statuses.add(status);
		}
	}

	Delivery next() throws InterruptedException {
		Delivery delivery = this.deliveries.poll(30, TimeUnit.SECONDS);
		if (delivery == null) {
			throw new AssertionError("no webhook delivered within 30 seconds");
		}
		return delivery;
	}

	Delivery poll(Duration wait) throws InterruptedException {
		return this.deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One received request.
	 */
	record Delivery(String timestamp, String signature, String eventId, byte[] body) {

		JsonNode json() {
			return AuthorityClient.JSON.readTree(this.body);
		}

		/**
		 * Recomputes the signature independently of the code under test.
		 */
		String expectedSignature(String secret) throws Exception {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((this.timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(this.body));
		}

	}

}
