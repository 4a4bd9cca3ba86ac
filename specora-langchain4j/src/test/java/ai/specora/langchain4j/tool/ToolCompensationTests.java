package ai.specora.langchain4j.tool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.SpecoraClient;
import ai.specora.langchain4j.Assistant;
import ai.specora.langchain4j.Authority;
import ai.specora.langchain4j.ScriptedChatModel;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.runtime.GovernanceEngine;
import dev.langchain4j.agent.tool.CompensateFor;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.observability.api.event.ToolCompensatedEvent;
import dev.langchain4j.observability.api.listener.ToolCompensatedEventListener;
import dev.langchain4j.service.AiServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.specora.langchain4j.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j 1.22.0's compensation ({@code @CompensateFor}, {@code compensateOnToolErrors})
 * and governed tools: what happens, so that the documentation's account of it stays true
 * (docs/langchain4j.md, "Compensations").
 */
class ToolCompensationTests {

	static final Authority authority = new Authority().start();

	private final ScriptedChatModel model = new ScriptedChatModel();

	private final BookingTools tools = new BookingTools();

	private final List<ToolCompensatedEvent> compensations = new CopyOnWriteArrayList<>();

	private final ToolCompensatedEventListener listener = this.compensations::add;

	private SpecoraClient client;

	@BeforeEach
	void setUp() {
		authority.reset();
		this.client = authority.client();
		authority.allow("book_hotel", "jrn_hotel");
		authority.allow("book_flight", "jrn_flight");
		// one round: the hotel is booked, the flight fails
		this.model.thenCall("call_1", "book_hotel", "{\"city\": \"Oslo\"}");
		this.model.thenCall("call_2", "book_flight", "{\"city\": \"Oslo\"}");
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void ungovernedToolObjectsAreCompensated() {
		AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.tools(this.tools)
			.compensateOnToolErrors(true)
			.registerListener(this.listener)
			.build()
			.chat("Book Oslo");
		assertThat(this.tools.bookings).hasValue(1);
		assertThat(this.tools.cancellations).hasValue(1);
		assertThat(this.compensations).singleElement()
			.satisfies((event) -> assertThat(event.request().id()).isEqualTo("call_1"));
	}

	@Test
	void governedToolsRunNoCompensatingActionAndTheAuthorityRecordsTheSuccessOfTheBooking() {
		SpecoraLangChain4j specora = SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.build();
		AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.tools(specora.tools(this.tools))
			.toolExecutionErrorHandler(specora.toolExecutionErrorHandler())
			.compensateOnToolErrors(true)
			.registerListener(this.listener)
			.build()
			.chat("Book Oslo");
		assertThat(this.tools.bookings).hasValue(1);
		// LangChain4j finds @CompensateFor methods on tool objects only, not on AiServiceTools
		assertThat(this.tools.cancellations).hasValue(0);
		assertThat(this.compensations).isEmpty();
		assertThat(authority.completions()).extracting((completion) -> json(completion).<String>read("$.journal_id")
				+ " " + json(completion).<String>read("$.status"))
			.containsExactlyInAnyOrder("jrn_hotel success", "jrn_flight failure");
	}

	public static class BookingTools {

		final AtomicInteger bookings = new AtomicInteger();

		final AtomicInteger cancellations = new AtomicInteger();

		@Tool(name = "book_hotel", value = "Books a hotel")
		public String bookHotel(String city) {
			this.bookings.incrementAndGet();
			return "hotel booked in " + city;
		}

		@CompensateFor("book_hotel")
		public void cancelHotel(String city) {
			this.cancellations.incrementAndGet();
		}

		@Tool(name = "book_flight", value = "Books a flight")
		public String bookFlight(String city) {
			throw new IllegalStateException("no seats to " + city);
		}

	}

}
