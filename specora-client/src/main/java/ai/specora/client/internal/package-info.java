/**
 * Not API: types the client's packages share with each other, public only because Java
 * has no other way across packages. They may change or go without notice in any
 * release; applications and integrations must not use them.
 * <p>
 * This package depends on no other package of the client: {@code ai.specora.client}
 * and {@code ai.specora.client.platform} both build on it, and the platform package
 * reaches the client's transport only through {@link ai.specora.client.internal.PlatformChannel},
 * so that the dependency between the two goes one way (client → platform).
 */
package ai.specora.client.internal;
