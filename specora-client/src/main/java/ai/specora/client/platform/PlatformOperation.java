package ai.specora.client.platform;

/**
 * The calls of the Platform API, named as in the Node SDK.
 */
public enum PlatformOperation {

	/** {@code checkPolicy}: POST /v1/platform/policy/check (a decision, Model B). */
	CHECK_POLICY("checkPolicy", true),

	/** {@code validateBudget}: POST /v1/platform/budget/validate (Model B). */
	VALIDATE_BUDGET("validateBudget", true),

	/** {@code recordExecution}: POST /v1/platform/executions (Model B). */
	RECORD_EXECUTION("recordExecution", true),

	/** {@code validateAssumptions}: POST /v1/platform/assumptions/validate (Model B). */
	VALIDATE_ASSUMPTIONS("validateAssumptions", true),

	/** {@code generateEvidenceBundle}: POST /v1/platform/evidence/bundles (Model B). */
	GENERATE_EVIDENCE_BUNDLE("generateEvidenceBundle", true),

	/**
	 * {@code downloadEvidenceBundle}: GET /v1/platform/evidence/bundles/{bundle_id}
	 * (Model B; no Node SDK counterpart).
	 */
	DOWNLOAD_EVIDENCE_BUNDLE("downloadEvidenceBundle", true),

	/**
	 * {@code signingKey}: GET /v1/platform/evidence/signing-key (no Node SDK
	 * counterpart).
	 */
	GET_SIGNING_KEY("signingKey", false),

	/** {@code getRiskScore}: GET /v1/platform/risk-score. */
	GET_RISK_SCORE("getRiskScore", false),

	/** {@code preAuthorize}: POST /v1/platform/preauthorize (a decision). */
	PRE_AUTHORIZE("preAuthorize", false),

	/** {@code proxyExecute}: POST /v1/platform/proxy/execute. */
	PROXY_EXECUTE("proxyExecute", false),

	/** {@code getPreferences}: GET /v1/platform/preferences. */
	GET_PREFERENCES("getPreferences", false),

	/** {@code resolvePreference}: POST /v1/platform/preferences/resolve. */
	RESOLVE_PREFERENCE("resolvePreference", false);

	private final String callName;

	private final boolean vendorModelOnly;

	PlatformOperation(String callName, boolean vendorModelOnly) {
		this.callName = callName;
		this.vendorModelOnly = vendorModelOnly;
	}

	/**
	 * The call's name, as in the Node SDK, e.g. {@code checkPolicy}.
	 * @return the name
	 */
	public String callName() {
		return this.callName;
	}

	/**
	 * Whether only a vendor-reseller (Model B) client may make this call.
	 * @return {@code true} for the Model B calls
	 */
	public boolean isVendorModelOnly() {
		return this.vendorModelOnly;
	}

}
