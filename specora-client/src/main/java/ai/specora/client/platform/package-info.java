/**
 * The Specora Platform API (the calls of the Node SDK {@code @specora/sdk}): policy
 * checks, budgets, execution recording, assumptions, evidence bundles, risk score,
 * pre-authorization, proxied LLM calls and model preferences, reached through
 * {@code SpecoraClient#platform()} and {@code ReactiveSpecoraClient#platform()}.
 * Money is integer micro-USD ({@code *Micros}) except the decimal USD of
 * {@link ai.specora.client.platform.BudgetValidationResult}.
 * <p>
 * The dependency goes one way: {@code ai.specora.client} builds the platform clients,
 * and this package uses nothing of it, only the client's transport through
 * {@code ai.specora.client.internal.PlatformChannel}. The exceptions a platform call
 * raises are still the client's ({@code ai.specora.client.SpecoraException} and its
 * subtypes), created by that channel.
 */
package ai.specora.client.platform;
