package ai.specora.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.Completion;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;

/**
 * The application's {@link AsyncCompletionDispatcher} with the time of each hand-over
 * ({@link #dispatch}, the part of a governed call spent handing its completion over)
 * recorded: when it started and how long it took. Its lifecycle is the dispatcher's.
 */
public final class TimedDispatcher implements CompletionDispatcher, SmartLifecycle, DisposableBean {

	private static final int CAPACITY = 1 << 20;

	private final AsyncCompletionDispatcher delegate;

	private final long[] startedAt = new long[CAPACITY];

	private final long[] took = new long[CAPACITY];

	private final AtomicInteger count = new AtomicInteger();

	TimedDispatcher(AsyncCompletionDispatcher delegate) {
		this.delegate = delegate;
	}

	/**
	 * The dispatcher timed.
	 * @return the application's dispatcher
	 */
	public AsyncCompletionDispatcher delegate() {
		return this.delegate;
	}

	@Override
	public CompletionStage<Void> dispatch(String journalId, Completion completion) {
		long start = System.nanoTime();
		try {
			return this.delegate.dispatch(journalId, completion);
		}
		finally {
			long end = System.nanoTime();
			int i = this.count.getAndIncrement();
			if (i < CAPACITY) {
				this.startedAt[i] = start;
				this.took[i] = end - start;
			}
		}
	}

	/**
	 * How many completions were handed over since the start.
	 * @return the count
	 */
	public long handedOver() {
		return this.count.get();
	}

	/**
	 * The hand-over times, sorted, of the hand-overs that started in a window.
	 * @param from the start of the window ({@link System#nanoTime()})
	 * @param to its end, exclusive
	 * @return the durations in nanoseconds, sorted
	 */
	public long[] tookBetween(long from, long to) {
		int n = Math.min(this.count.get(), CAPACITY);
		long[] window = new long[n];
		int w = 0;
		for (int i = 0; i < n; i++) {
			long at = this.startedAt[i];
			if (at - from >= 0 && at - to < 0) {
				window[w++] = this.took[i];
			}
		}
		long[] sorted = Arrays.copyOf(window, w);
		Arrays.sort(sorted);
		return sorted;
	}

	/**
	 * The hand-overs that started in a window and took at least a given time: how many,
	 * and when the last of them started.
	 * @param from the start of the window ({@link System#nanoTime()})
	 * @param to its end, exclusive
	 * @param atLeastNanos the shortest duration counted
	 * @return the count and the start of the last one (relative to {@code from}, in
	 * nanoseconds; 0 when there is none)
	 */
	public long[] slowBetween(long from, long to, long atLeastNanos) {
		int n = Math.min(this.count.get(), CAPACITY);
		long slow = 0;
		long last = 0;
		for (int i = 0; i < n; i++) {
			long at = this.startedAt[i];
			if (at - from >= 0 && at - to < 0 && this.took[i] >= atLeastNanos) {
				slow++;
				last = Math.max(last, at - from);
			}
		}
		return new long[] { slow, last };
	}

	@Override
	public int pendingCount() {
		return this.delegate.pendingCount();
	}

	@Override
	public long droppedCount() {
		return this.delegate.droppedCount();
	}

	@Override
	public String storeName() {
		return this.delegate.storeName();
	}

	@Override
	public void start() {
		this.delegate.start();
	}

	@Override
	public void stop() {
		this.delegate.stop();
	}

	@Override
	public boolean isRunning() {
		return this.delegate.isRunning();
	}

	@Override
	public int getPhase() {
		return this.delegate.getPhase();
	}

	@Override
	public void destroy() {
		this.delegate.destroy();
	}

	/**
	 * Wraps the application's {@link AsyncCompletionDispatcher} in a
	 * {@link TimedDispatcher}.
	 */
	static final class Wrapper implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return (bean instanceof AsyncCompletionDispatcher dispatcher) ? new TimedDispatcher(dispatcher) : bean;
		}

	}

}
