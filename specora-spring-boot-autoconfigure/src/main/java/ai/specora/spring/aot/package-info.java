/**
 * Ahead-of-time processing and native-image support: the runtime hints of the starter
 * and of the application's {@code @Enforced} beans.
 */
package ai.specora.spring.aot;
