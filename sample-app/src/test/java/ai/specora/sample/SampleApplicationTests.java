package ai.specora.sample;

import ai.specora.sample.HttpTestClient.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's endpoints besides the governed decisions: bad requests,
 * the webhook endpoint's own checks, the decisions log and the actuator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Test
	void unknownCustomerIsNotFoundAfterAnAllow() throws Exception {
		HttpTestClient client = new HttpTestClient(this.port);
		Reply reply = client.get("/api/customers/cus_9999");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.field("detail")).isEqualTo("No customer cus_9999");
		Reply decisions = client.get("/api/governance/decisions");
		assertThat(decisions.status()).isEqualTo(200);
		assertThat(decisions.text()).contains("\"actionType\":\"customer_lookup\"", "\"decision\":\"allow\"");
	}

	@Test
	void refundWithoutAmountIsABadRequest() throws Exception {
		Reply reply = new HttpTestClient(this.port).post("/api/payments/pay_1/refunds", "{\"reason\": \"none\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.field("detail")).isEqualTo("The amount to refund must be a positive number of USD");
	}

	@Test
	void negativeRefundIsABadRequest() throws Exception {
		Reply reply = new HttpTestClient(this.port).post("/api/payments/pay_1/refunds", "{\"amount\": -5}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.field("detail")).isEqualTo("The amount to refund must be a positive number of USD");
	}

	@Test
	void unsignedWebhookIsRefused() throws Exception {
		Reply reply = new HttpTestClient(this.port).post("/specora/webhooks",
				"{\"event_id\":\"evt_1\",\"event_type\":\"platform.budget_breach\"}");
		assertThat(reply.status()).isEqualTo(401);
	}

	@Test
	void prometheusEndpointIsExposed() throws Exception {
		HttpTestClient client = new HttpTestClient(this.port);
		client.get("/api/customers/cus_1003");
		Reply reply = client.get("/actuator/prometheus");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).contains("http_server_requests_seconds_count", "specora_enforcement_seconds_count");
	}

	@Test
	void specoraEndpointIsExposed() throws Exception {
		Reply reply = new HttpTestClient(this.port).get("/actuator/specora");
		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void healthEndpointIsUp() throws Exception {
		Reply reply = new HttpTestClient(this.port).get("/actuator/health");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.field("status")).isEqualTo("UP");
	}

}
