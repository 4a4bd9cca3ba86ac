package ai.specora.benchmarks;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU time the whole JVM spent per call during an iteration (every thread: the
 * caller, event loops, timers, GC), reported next to the wall-clock score. On a machine
 * shared with other work the wall clock mostly measures waiting for a core; the CPU
 * time per call is what a call costs. Each benchmark method counts its calls with
 * {@link #call()}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCpu {

	/** The JVM's CPU nanoseconds per call in the iteration. */
	public long cpuNanosPerCall;

	private long calls;

	private long cpuAtStart;

	/**
	 * Starts counting.
	 */
	@Setup(Level.Iteration)
	public void begin() {
		this.calls = 0;
		this.cpuNanosPerCall = 0;
		this.cpuAtStart = processCpuNanos();
	}

	/**
	 * Counts one call.
	 */
	public void call() {
		this.calls++;
	}

	/**
	 * Works out the CPU time per call.
	 */
	@TearDown(Level.Iteration)
	public void end() {
		this.cpuNanosPerCall = (processCpuNanos() - this.cpuAtStart) / Math.max(this.calls, 1);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
