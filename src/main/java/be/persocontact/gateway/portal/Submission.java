package be.persocontact.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form submission, from the API or the pages: who (as the portal vouches), which form, the values
 * as text, a free comment, the files, and the caller's idempotency key.
 */
public record Submission(String formCode, String employeeId, String employeeAddress, String employeeName,
		String language, Map<String, String> values, String comment, String idempotencyKey, List<SubmittedFile> files) {

	public Submission {
		values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
		files = files == null ? List.of() : List.copyOf(files);
	}

}
