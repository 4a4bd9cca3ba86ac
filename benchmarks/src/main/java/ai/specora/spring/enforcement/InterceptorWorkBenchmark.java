package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import ai.specora.benchmarks.Contexts;
import ai.specora.benchmarks.ProcessCpu;
import ai.specora.benchmarks.Services;
import ai.specora.client.EnforceRequest;
import ai.specora.client.FailMode;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
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
 * What the {@code @Enforced} adapter itself does per call, without the round trip
 * (which {@code client.enforced} by hand pays as well) and without the engine's own
 * steps (measured with the whole call by {@code InMemoryBenchmark}): looking the method
 * and its policy up, building the request from its expressions and evaluating the
 * actual cost. Measured side by side with a plain call and {@code @PreAuthorize}, whose
 * overhead over the plain call is the yardstick. It lives in the interceptor's package
 * because these steps are package-private; the proxy's own cost (the same kind of proxy
 * as {@code @PreAuthorize}'s) is not in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@State(Scope.Benchmark)
public class InterceptorWorkBenchmark {

	private final Map<EnforcedMethod, GovernancePolicy> policies = new ConcurrentHashMap<>();

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
		GovernancePolicy policy = this.policies.computeIfAbsent(enforced,
				(declared) -> declared.policy(FailMode.CLOSED, GovernanceMode.ENFORCE));
		EnforcedInvocation call = new EnforcedInvocation(enforced, this.target, new Object[] { this.value++ });
		EnforceRequest request = call.build();
		return (call.actualCost(this.value) != null) ? request : policy;
	}

}
