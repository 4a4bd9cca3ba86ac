package ai.specora.virtualthreads;

import java.io.IOException;
import java.nio.file.Files;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import ai.specora.client.JournalStatus;
import ai.specora.client.SpecoraClient;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;
import ai.specora.spring.Enforced;
import ai.specora.spring.OnSuspend;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.AiServiceTool;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true}, governed calls run on virtual
 * threads and pin no carrier thread: {@code @Enforced} blocking methods, an
 * {@code onSuspend = WAIT} approval wait, LangChain4j tool calls, and their completions
 * (delivered in the background, or on the calling thread with {@code mode=sync}),
 * against the embedded local authority on loopback. JFR records every
 * {@code jdk.VirtualThreadPinned} event (threshold 0, with stack traces); none may have
 * a frame of Specora's code. A deliberate pin of this test (a class initializer that
 * sleeps) proves that the recording sees pins at all.
 */
@EnabledForJreRange(min = JRE.JAVA_21,
		disabledReason = "virtual threads need Java 21 or later; .ci/run runs this test on JDK 25")
class VirtualThreadPinningTests {

	private static final String TEST_PACKAGE = VirtualThreadPinningTests.class.getPackageName() + ".";

	@ParameterizedTest(name = "completion mode {0}")
	@ValueSource(strings = { "async", "sync" })
	void governedCallsOnVirtualThreadsPinNoCarrierThread(String completionMode) throws Exception {
		List<RecordedEvent> pins;
		try (ConfigurableApplicationContext context = start(completionMode)) {
			// a first round loads and initializes the classes of every path: a virtual thread
			// that loads a class, or waits for another thread to initialize one, is pinned
			// meanwhile, whoever's class it is
			runGovernedCalls(context, 8);
			try (Recording recording = new Recording()) {
				recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
				recording.start();
				runGovernedCalls(context, 40);
				pinDeliberately(context);
				recording.stop();
				pins = read(recording);
			}
		}
		assertThat(pins).as("the deliberate pin of this test is recorded")
			.anySatisfy((pin) -> assertThat(frames(pin)).anyMatch((frame) -> frame.contains("DeliberatePin")));
		List<RecordedEvent> specoraPins = pins.stream()
			.filter((pin) -> !whileLoadingAClass(pin))
			.filter((pin) -> frames(pin).stream()
				.anyMatch((frame) -> frame.startsWith("ai.specora.") && !frame.startsWith(TEST_PACKAGE)))
			.toList();
		assertThat(specoraPins).as(() -> "pinned virtual threads in Specora code:\n" + describe(specoraPins))
			.isEmpty();
	}

	private static ConfigurableApplicationContext start(String completionMode) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.threads.virtual.enabled=true", "specora.local-authority.enabled=true",
					"specora.local-authority.default-effect=allow",
					"specora.local-authority.policies[0].name=large-refunds",
					"specora.local-authority.policies[0].action-type=large_refund",
					"specora.local-authority.policies[0].effect=suspend",
					"specora.enforcement.completion.mode=" + completionMode)
			.run();
	}

	private static void runGovernedCalls(ConfigurableApplicationContext context, int count) throws Exception {
		AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
		Payments payments = context.getBean(Payments.class);
		Completions completions = context.getBean(Completions.class);
		LocalAuthority authority = context.getBean(LocalAuthority.class);
		List<AiServiceTool> tools = context.getBean(SpecoraLangChain4j.class).tools(new OrderTools());
		AiServiceTool lookup = tools.get(0);

		// many blocking @Enforced calls and tool calls at once, each on a virtual thread
		List<Future<String>> calls = new ArrayList<>();
		completions.statuses.clear();
		for (int i = 0; i < count; i++) {
			String order = "A-" + i;
			calls.add(executor.submit(() -> onVirtualThread(() -> payments.refund(order))));
			calls.add(executor.submit(() -> onVirtualThread(() -> lookup.toolExecutor()
				.execute(ToolExecutionRequest.builder()
					.id("call-" + order)
					.name(lookup.toolSpecification().name())
					.arguments("{\"orderId\":\"" + order + "\"}")
					.build(), "memory-1"))));
		}
		// one call waits for its approval on a virtual thread
		Future<String> waiting = executor.submit(() -> onVirtualThread(() -> payments.largeRefund("B-1")));
		PendingApproval approval = awaitPendingApproval(authority);
		authority.approve(approval.approvalId(), "alice");

		for (int i = 0; i < count; i++) {
			assertThat(calls.get(2 * i).get(30, TimeUnit.SECONDS)).isEqualTo("refunded A-" + i);
			assertThat(calls.get(2 * i + 1).get(30, TimeUnit.SECONDS)).isEqualTo("order A-" + i + ": shipped");
		}
		assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("refunded B-1 after approval");

		// every call completed as success, and the authority recorded it
		SpecoraClient client = context.getBean(SpecoraClient.class);
		assertThat(completions.statuses).hasSize(2 * count + 1).allSatisfy((journalId, status) -> {
			assertThat(status).isEqualTo(CompletionStatus.SUCCESS);
			awaitCompleted(client, journalId);
		});
	}

	/**
	 * Initializes a fresh copy of {@link DeliberatePin} on a virtual thread: the
	 * recording must see that pin.
	 */
	private static void pinDeliberately(ConfigurableApplicationContext context) throws Exception {
		AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
		URL classes = DeliberatePin.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes }, null)) {
			executor.submit(() -> Class.forName(DeliberatePin.class.getName(), true, loader)).get(30, TimeUnit.SECONDS);
		}
	}

	private static String onVirtualThread(java.util.concurrent.Callable<String> call) throws Exception {
		assertThat(isVirtual(Thread.currentThread())).as("runs on a virtual thread").isTrue();
		return call.call();
	}

	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PendingApproval awaitPendingApproval(LocalAuthority authority) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			List<PendingApproval> pending = authority.pendingApprovals();
			if (!pending.isEmpty()) {
				return pending.get(0);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
		throw new AssertionError("no approval became pending");
	}

	private static void awaitCompleted(SpecoraClient client, String journalId) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (client.journal(journalId).status() != JournalStatus.COMPLETED) {
			assertThat(System.nanoTime()).as("journal entry %s completed", journalId).isLessThan(deadline);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	private static List<RecordedEvent> read(Recording recording) throws IOException {
		Path file = Files.createTempFile("virtual-thread-pinning", ".jfr");
		try {
			recording.dump(file);
			return RecordingFile.readAllEvents(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * A pin while a class loads, or while another thread initializes it: the JVM's, on
	 * the first use of a class on any path, whoever's class it is.
	 */
	private static boolean whileLoadingAClass(RecordedEvent pin) {
		String reason = pin.hasField("pinnedReason") ? pin.getString("pinnedReason") : null;
		if (reason != null && reason.startsWith("Waited for initialization of")) {
			return true;
		}
		return frames(pin).stream()
			.anyMatch((frame) -> frame.startsWith("java.lang.ClassLoader.loadClass")
					|| frame.startsWith("jdk.internal.loader.BuiltinClassLoader.loadClass"));
	}

	private static List<String> frames(RecordedEvent event) {
		if (event.getStackTrace() == null) {
			return List.of();
		}
		return event.getStackTrace()
			.getFrames()
			.stream()
			.map(RecordedFrame::getMethod)
			.map((method) -> method.getType().getName() + "." + method.getName())
			.toList();
	}

	private static String describe(List<RecordedEvent> events) {
		return events.stream()
			.map((event) -> event.getDuration() + " " + String.join("\n    at ", frames(event)))
			.collect(Collectors.joining("\n\n"));
	}

	/**
	 * Blocks a virtual thread inside a class initializer, which pins it even where
	 * {@code synchronized} no longer does (Java 24 and later).
	 */
	static final class DeliberatePin {

		static {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Payments payments() {
			return new Payments();
		}

		@Bean
		Completions completions() {
			return new Completions();
		}

	}

	public static class Payments {

		@Enforced(actionType = "refund", scope = "{'order': #order}")
		public String refund(String order) {
			return "refunded " + order;
		}

		@Enforced(actionType = "large_refund", scope = "{'order': #order}", onSuspend = OnSuspend.WAIT,
				approvalTimeout = "PT30S")
		public String largeRefund(String order) {
			return "refunded " + order + " after approval";
		}

	}

	public static class OrderTools {

		@Tool(name = "lookup_order", value = "Looks an order up")
		public String lookupOrder(String orderId) {
			return "order " + orderId + ": shipped";
		}

	}

	/**
	 * The completion status of every governed call, by journal id.
	 */
	static class Completions implements GovernanceListener {

		final Map<String, CompletionStatus> statuses = new ConcurrentHashMap<>();

		@Override
		public void onCompletion(GovernedCall call, CompletionStatus status, Throwable error) {
			EnforcementResult result = call.result();
			this.statuses.put(result.journalId(), status);
		}

	}

}
