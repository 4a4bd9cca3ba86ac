package ai.specora.client.platform;

/**
 * What a policy check is about, e.g. {@code pr_run} {@code run-123}.
 *
 * @param type the kind of subject, e.g. {@code pr_run}
 * @param id the subject's id
 */
public record PolicySubject(String type, String id) {

	/**
	 * Checks the subject.
	 * @param type the kind of subject
	 * @param id the subject's id
	 */
	public PolicySubject {
		Requests.requireText(type, "subject type");
		Requests.requireText(id, "subject id");
	}

}
