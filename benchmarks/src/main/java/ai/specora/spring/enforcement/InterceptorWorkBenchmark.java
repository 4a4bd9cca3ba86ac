package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import ai.specora.benchmarks.Contexts;
import ai.specora.benchmarks.ProcessCpu;
import ai.specora.benchmarks.Services;
import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import ai.specora.client.Decision;
import ai.specora.client.DecisionSource;
import ai.specora.client.EnforcementResult;
import io.micrometer.observation.Observation;
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

/**
 * What the {@code @Enforced} interceptor itself does per call, without the round trip
 * (which {@code client.enforced} by hand pays as well): looking the method up, building
 * the request from its expressions, recording the decision, timing the method and
 * building the completion, handed to a dispatcher that accepts it at once. Measured
 * side by side with a plain call and {@code @PreAuthorize}, whose overhead over the
 * plain call is the yardstick. It lives in the interceptor's package because these
 * steps are package-private; the proxy's own cost (the same kind of proxy as
 * {@code @PreAuthorize}'s) is not in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@State(Scope.Benchmark)
public class InterceptorWorkBenchmark {

	private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

	private final EnforcementResult allow = new EnforcementResult(Decision.ALLOW, "db_write", "jrn_1", "req_1", null,
			null, null, "pol_1", "res_1", DecisionSource.AUTHORITY, null);

	private final CompletionDispatcher dispatcher = new CompletionDispatcher() {

		@Override
		public CompletionStage<Void> dispatch(String journalId, Completion completion) {
			return DONE;
		}

		@Override
		public int pendingCount() {
			return 0;
		}

	};

	private final EnforcementListener listener = new CompositeEnforcementListener(List.of());

	private final Services.Plain plain = new Services.Plain();

	private final Services.Governed target = new Services.Governed();

	private EnforcedMethodRegistry registry;

	private Method method;

	private ConfigurableApplicationContext security;

	private Services.Secured secured;

	private int value;

	@Setup(Level.Trial)
	public void start() throws NoSuchMethodException {
		this.registry = new EnforcedMethodRegistry(null);
		this.method = Services.Governed.class.getMethod("call", int.class);
		this.security = Contexts.security();
		this.secured = this.security.getBean(Services.Secured.class);
	}

	@TearDown(Level.Trial)
	public void stop() {
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
	public Object interceptorWork(ProcessCpu cpu) {
		cpu.call();
		EnforcedMethod enforced = this.registry.getEnforcedMethod(this.method, Services.Governed.class);
		GovernedInvocation call = new GovernedInvocation(enforced, this.listener, this.dispatcher, Observation.NOOP,
				this.target, new Object[] { this.value++ });
		call.start();
		call.decided(this.allow);
		call.running();
		call.resultValue(this.value);
		return call.finish(CompletionStatus.SUCCESS, null);
	}

}
