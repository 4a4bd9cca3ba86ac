package ai.specora.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The cost of governance with the authority in memory ({@link InMemoryAuthority}): every
 * figure is the client's and Spring's own work, no network. The peers are measured in
 * the same run: a plain call, Spring Security's {@code @PreAuthorize}, Spring
 * Framework's {@code @Retryable} and a hand-written {@code WebClient} POST of the same
 * JSON. Next to the wall-clock score, {@link ProcessCpu} reports the JVM's CPU time per
 * call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@State(Scope.Benchmark)
public class InMemoryBenchmark {


	private Services.Plain plain;

	private ConfigurableApplicationContext security;

	private Services.Secured secured;

	private ConfigurableApplicationContext retry;

	private Services.Retrying retrying;

	private ConfigurableApplicationContext syncApp;

	private Services.Governed governedSync;

	private ConfigurableApplicationContext asyncApp;

	private Services.Governed governedAsync;

	private SpecoraClient client;

	private WebClient webClient;

	private EnforceRequest request;

	private int value;

	@Setup(Level.Trial)
	public void start() {
		this.plain = new Services.Plain();
		this.security = Contexts.security();
		this.secured = this.security.getBean(Services.Secured.class);
		this.retry = Contexts.retry();
		this.retrying = this.retry.getBean(Services.Retrying.class);
		this.syncApp = Contexts.specora(InMemoryAuthority.BASE_URL, true, "sync");
		this.governedSync = this.syncApp.getBean(Services.Governed.class);
		this.client = this.syncApp.getBean(SpecoraClient.class);
		this.asyncApp = Contexts.specora(InMemoryAuthority.BASE_URL, true, "async");
		this.governedAsync = this.asyncApp.getBean(Services.Governed.class);
		this.webClient = WebClient.builder()
			.baseUrl(InMemoryAuthority.BASE_URL)
			.clientConnector(new InMemoryAuthority())
			.defaultHeaders((headers) -> headers.setBearerAuth(Contexts.API_KEY))
			.build();
		this.request = EnforceRequest.builder("db_write")
			.scope("table", "users")
			.arg("value", 1)
			.estimatedCost(0.02)
			.writeOp(true)
			.build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.asyncApp.close();
		this.syncApp.close();
		this.retry.close();
		this.security.close();
	}

	@Benchmark
	public int plainCall(ProcessCpu cpu) {
		cpu.call();
		return this.plain.call(this.value++);
	}

	@Benchmark
	public int preAuthorize(ProcessCpu cpu) {
		cpu.call();
		return this.secured.call(this.value++);
	}

	@Benchmark
	public int retryable(ProcessCpu cpu) {
		cpu.call();
		return this.retrying.call(this.value++);
	}

	@Benchmark
	public Map<String, Object> rawWebClient(ProcessCpu cpu) {
		cpu.call();
		return HandWrittenCall.enforce(this.webClient).block();
	}

	@Benchmark
	public EnforcementResult clientEnforce(ProcessCpu cpu) {
		cpu.call();
		return this.client.enforce(this.request);
	}

	@Benchmark
	public int clientEnforced(ProcessCpu cpu) {
		cpu.call();
		return this.client.enforced(this.request, (context) -> this.value++);
	}

	@Benchmark
	public int enforcedSync(ProcessCpu cpu) {
		cpu.call();
		return this.governedSync.call(this.value++);
	}

	@Benchmark
	public int enforcedAsync(ProcessCpu cpu) {
		cpu.call();
		return this.governedAsync.call(this.value++);
	}

	@Benchmark
	public Integer enforcedMono(ProcessCpu cpu) {
		cpu.call();
		return this.governedSync.callReactively(this.value++).block();
	}

}
