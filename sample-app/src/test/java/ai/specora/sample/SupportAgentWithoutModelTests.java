package ai.specora.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a ChatModel (no provider starter, no scripted stand-in) the application runs
 * and the agent endpoint says what to add.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SupportAgentWithoutModelTests {

	@LocalServerPort
	private int port;

	@Test
	void agentEndpointIsUnavailableAndSaysWhy() throws Exception {
		HttpTestClient.Reply reply = new HttpTestClient(this.port).post("/api/agent/messages",
				"{\"message\": \"Who is customer cus_1001?\"}");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.field("detail")).contains("provider starter").contains("demo profile");
	}

}
