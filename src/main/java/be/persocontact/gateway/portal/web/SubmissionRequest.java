package be.persocontact.gateway.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.portal.Submission;
import be.persocontact.gateway.portal.SubmittedFile;

/**
 * The JSON part of a submission, as the portal sends it. Values may be JSON strings, numbers or
 * booleans; they are checked as text, the way an HTML form sends them.
 */
record SubmissionRequest(String formCode, Employee employee, Map<String, Object> values, String comment,
		String idempotencyKey) {

	record Employee(String id, String address, String name, String language) {
	}

	Submission toSubmission(List<SubmittedFile> files) {
		Employee who = this.employee == null ? new Employee(null, null, null, null) : this.employee;
		Map<String, String> text = new LinkedHashMap<>();
		if (this.values != null) {
			this.values.forEach((name, value) -> text.put(name, value == null ? null : String.valueOf(value)));
		}
		return new Submission(this.formCode, who.id(), who.address(), who.name(), who.language(), text, this.comment,
				this.idempotencyKey, files);
	}

}
