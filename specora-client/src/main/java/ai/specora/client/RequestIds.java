package ai.specora.client;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New request ids: random (version 4) UUIDs drawn from {@link ThreadLocalRandom}. An
 * idempotency key must be unique, not secret (the API key guards the calls), so the
 * caller's thread never waits on the shared {@code SecureRandom} of
 * {@link UUID#randomUUID()}.
 */
final class RequestIds {

	private RequestIds() {
	}

	static String next() {
		return nextUuid().toString();
	}

	static UUID nextUuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
