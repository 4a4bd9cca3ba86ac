package ai.specora.client.platform;

import java.util.Map;

/**
 * A budget check ({@code validateBudget}): for the whole tenant (sent as {@code {}}), or
 * narrowed to a scope.
 *
 * @param scope the scope to narrow the check to (never {@code null}; empty for the
 * whole tenant, and then not sent)
 */
public record BudgetValidationRequest(Map<String, Object> scope) {

	/**
	 * Copies the scope.
	 * @param scope the scope, or {@code null}
	 */
	public BudgetValidationRequest {
		scope = Requests.copy(scope);
	}

	/**
	 * A check of the whole tenant's budget.
	 * @return the request
	 */
	public static BudgetValidationRequest tenant() {
		return new BudgetValidationRequest(null);
	}

	/**
	 * A check narrowed to a scope.
	 * @param scope the scope, e.g. {@code {"project": "checkout"}}
	 * @return the request
	 */
	public static BudgetValidationRequest scoped(Map<String, Object> scope) {
		return new BudgetValidationRequest(scope);
	}

}
