/**
 * The Specora Platform API (the calls of the Node SDK {@code @specora/sdk}): policy
 * checks, budgets, execution recording, assumptions, evidence bundles, risk score,
 * pre-authorization, proxied LLM calls and model preferences, reached through
 * {@code SpecoraClient#platform()} and {@code ReactiveSpecoraClient#platform()}.
 * Money is integer micro-USD ({@code *Micros}) except the decimal USD of
 * {@link ai.specora.client.platform.BudgetValidationResult}.
 */
package ai.specora.client.platform;
