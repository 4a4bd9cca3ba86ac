package ai.specora.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.LocalAuthoritySettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Round trips on loopback (127.0.0.1 only): a hand-written {@code WebClient} POST, the
 * client's {@code enforce}, and {@code @Enforced} calls (sync and async completion),
 * against the minimal {@link FloorServer} and against the local authority. Run with
 * {@code -t 1}, {@code -t 16} and {@code -t 256} for that many concurrent callers; the
 * floor server counts the TCP connections it accepted, printed at the end of each trial.
 * <p>
 * The warm-up is long because a round trip is slow: at one caller a fork makes only
 * about 2,000 to 3,500 calls a second, and the JIT compiler was still replacing (and
 * deoptimising) the HTTP stack's code after 3 iterations of 2 s; the calls per
 * iteration level off after about 8.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@State(Scope.Benchmark)
public class LoopbackBenchmark {


	/** Where the calls go: the minimal server or the local authority. */
	@Param({ "floor", "local-authority" })
	public String target;

	private FloorServer floor;

	private LocalAuthority authority;

	private ConfigurableApplicationContext syncApp;

	private ConfigurableApplicationContext asyncApp;

	private ConfigurableApplicationContext discardApp;

	private Services.Governed governedSync;

	private Services.Governed governedAsync;

	private Services.Governed governedDiscarded;

	private SpecoraClient client;

	private WebClient webClient;

	private EnforceRequest request;

	private long connectionsAtStart;

	private long requestsAtStart;

	@Setup(Level.Trial)
	public void start(BenchmarkParams params) {
		String baseUrl;
		if (this.target.equals("floor")) {
			this.floor = new FloorServer();
			baseUrl = this.floor.baseUrl();
		}
		else {
			this.authority = LocalAuthority.start(LocalAuthoritySettings.builder()
				.apiKey(Contexts.API_KEY)
				.orgId(Contexts.ORG_ID)
				.port(0)
				.build());
			baseUrl = this.authority.baseUrl();
		}
		this.syncApp = Contexts.specora(baseUrl, false, "sync");
		this.asyncApp = Contexts.specora(baseUrl, false, "async");
		this.discardApp = Contexts.specora(baseUrl, false, "discard");
		this.client = this.syncApp.getBean(SpecoraClient.class);
		this.governedSync = this.syncApp.getBean(Services.Governed.class);
		this.governedAsync = this.asyncApp.getBean(Services.Governed.class);
		this.governedDiscarded = this.discardApp.getBean(Services.Governed.class);
		this.webClient = WebClient.builder()
			.baseUrl(baseUrl)
			.defaultHeaders((headers) -> headers.setBearerAuth(Contexts.API_KEY))
			.build();
		this.request = EnforceRequest.builder("db_write")
			.scope("table", "users")
			.arg("value", 1)
			.estimatedCost(0.02)
			.writeOp(true)
			.build();
		warmPools(params.getThreads());
	}

	/**
	 * Opens, before anything is measured, the connections that as many callers as the
	 * run has will use, for the hand-written call and for each application's client
	 * alike: in steps of at most 128 new connections at once, so that no step overflows
	 * an accept backlog of 128 (the local authority's), and nothing measured pays for
	 * a connect storm.
	 */
	private void warmPools(int callers) {
		SpecoraClient asyncClient = this.asyncApp.getBean(SpecoraClient.class);
		SpecoraClient discardClient = this.discardApp.getBean(SpecoraClient.class);
		List<Mono<?>> calls = List.of(Mono.defer(this::rawCall),
				Mono.defer(() -> this.client.reactive().enforce(this.request)),
				Mono.defer(() -> asyncClient.reactive().enforce(this.request)),
				Mono.defer(() -> discardClient.reactive().enforce(this.request)));
		for (int inFlight = Math.min(callers, 16); ; inFlight = Math.min(callers, inFlight + 128)) {
			int concurrency = inFlight;
			for (Mono<?> call : calls) {
				Flux.range(0, concurrency)
					.flatMap((i) -> call, concurrency)
					.blockLast(Duration.ofSeconds(60));
			}
			if (inFlight == callers) {
				break;
			}
		}
		if (this.floor != null) {
			System.out.printf("# floor server: %d TCP connections after warming the pools for %d callers%n",
					this.floor.connections(), callers);
		}
	}

	@Setup(Level.Iteration)
	public void mark() {
		if (this.floor != null) {
			this.connectionsAtStart = this.floor.connections();
			this.requestsAtStart = this.floor.requests();
		}
	}

	@TearDown(Level.Iteration)
	public void report() {
		if (this.floor != null) {
			System.out.printf("# floor server: %d new TCP connections for %d requests%n",
					this.floor.connections() - this.connectionsAtStart, this.floor.requests() - this.requestsAtStart);
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.discardApp.close();
		this.asyncApp.close();
		this.syncApp.close();
		if (this.floor != null) {
			System.out.printf("# floor server: %d TCP connections in all for %d requests%n", this.floor.connections(),
					this.floor.requests());
			this.floor.close();
		}
		if (this.authority != null) {
			this.authority.close();
		}
	}

	@Benchmark
	public Map<String, Object> rawWebClient() {
		return rawCall().block();
	}

	private Mono<Map<String, Object>> rawCall() {
		return HandWrittenCall.enforce(this.webClient);
	}

	@Benchmark
	public EnforcementResult clientEnforce() {
		return this.client.enforce(this.request);
	}

	@Benchmark
	public int enforcedSync() {
		return this.governedSync.call(1);
	}

	@Benchmark
	public int enforcedAsync() {
		return this.governedAsync.call(1);
	}

	/**
	 * A diagnostic: the {@code @Enforced} call whose completion is dropped at once, so
	 * the interceptor and the enforce round trip with no completion traffic at all. Its
	 * difference from {@link #enforcedAsync()} is what the background delivery of the
	 * completion costs the caller.
	 */
	@Benchmark
	public int enforcedNoCompletion() {
		return this.governedDiscarded.call(1);
	}

}
