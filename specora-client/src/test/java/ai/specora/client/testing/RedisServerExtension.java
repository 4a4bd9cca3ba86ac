package ai.specora.client.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link RedisServer} of its own before the tests of a class, restarts it
 * before a test if an earlier one stopped it, stops it and deletes its temporary
 * directory after the class, and injects it into test methods and constructors. The
 * Redis binary comes from the {@code embedded-redis} test dependency, so nothing needs
 * to be installed on the machine.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
		ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RedisServerExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		RedisServer server = RedisServer.create();
		server.start();
		context.getStore(NAMESPACE).put(RedisServer.class, server);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		server(context).start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		RedisServer server = context.getStore(NAMESPACE).remove(RedisServer.class, RedisServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	private static RedisServer server(ExtensionContext context) {
		RedisServer server = context.getStore(NAMESPACE).get(RedisServer.class, RedisServer.class);
		if (server == null) {
			throw new IllegalStateException("redis-server was not started");
		}
		return server;
	}

}
