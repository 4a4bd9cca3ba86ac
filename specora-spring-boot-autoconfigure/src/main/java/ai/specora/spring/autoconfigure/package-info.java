/**
 * Auto-configuration of the Specora client ({@code specora.*}), the governance engine and
 * {@code @Enforced} enforcement ({@code specora.enforcement.*}), with what every other
 * auto-configuration of Specora shares: {@link ai.specora.spring.autoconfigure.SpecoraProperties},
 * {@link ai.specora.spring.autoconfigure.SpecoraConnectionDetails},
 * {@link ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer} and
 * {@link ai.specora.spring.autoconfigure.SpecoraConfigurationException}. The
 * auto-configurations of each further feature live in a sub-package of their own.
 */
package ai.specora.spring.autoconfigure;
