package ai.specora.client;

import tools.jackson.databind.JsonNode;

/**
 * Maps a 4xx response to the exception type that says what it means.
 */
final class ClientErrors {

	private ClientErrors() {
	}

	static SpecoraClientException create(String call, AttemptFailure failure, SpecoraException.ErrorDetails details,
			String suffix) {
		int status = failure.statusCode();
		return switch (status) {
			case 400, 422 -> new ValidationException(
					"Specora rejected the " + call + " request as invalid (HTTP " + status + ")" + suffix, details);
			case 401 -> new AuthenticationException("Specora rejected the API key (HTTP 401): check that it is set "
					+ "and not revoked" + suffix, details);
			case 402 -> new BudgetExceededException("Specora budget exceeded (HTTP 402)" + suffix, details,
					usagePercent(failure.details()));
			case 403 -> new AuthorizationException("The API key lacks permission for this organisation or project "
					+ "(HTTP 403)" + suffix, details);
			case 404 -> new NotFoundException("Specora found no such resource for " + call + " (HTTP 404)" + suffix,
					details);
			case 409 -> new IdempotencyConflictException("Specora refused the " + call + " request as a conflict "
					+ "(HTTP 409): a request id was reused with a different payload, or the entry is already "
					+ "completed" + suffix, details);
			default -> new SpecoraClientException("Specora refused the " + call + " request (HTTP " + status + ")"
					+ suffix, details);
		};
	}

	private static Double usagePercent(JsonNode details) {
		if (details == null) {
			return null;
		}
		JsonNode value = details.path("usage_percent");
		return value.isNumber() ? value.asDouble() : null;
	}

}
