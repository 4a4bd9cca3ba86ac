package ai.specora.benchmarks.shape;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The empty bean types of the {@linkplain ImportStarterShape starter's shape}: one type
 * for each of the starter's beans in a minimal application, each doing nothing.
 */
final class ShapeBeans {

	private ShapeBeans() {
	}

	static final class ConnectionDetails {

	}

	static final class Client {

		ReactiveClient reactive() {
			return new ReactiveClient();
		}

	}

	static final class ReactiveClient {

	}

	static final class Registry {

	}

	static final class Interceptor implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			return invocation.proceed();
		}

	}

	interface Dispatcher {

	}

	static final class AsyncDispatcher implements Dispatcher {

	}

	static final class Engine {

	}

	static final class Waiter {

	}

	interface Customizer {

		void customize(Object builder);

	}

	static final class Unused {

	}

	/** Looks up the advisors once the singletons exist, as the starter's check does. */
	static final class Check implements SmartInitializingSingleton {

		private final ListableBeanFactory beanFactory;

		Check(ListableBeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public void afterSingletonsInstantiated() {
			this.beanFactory.getBeanNamesForType(Advisor.class, true, false);
		}

	}

}
