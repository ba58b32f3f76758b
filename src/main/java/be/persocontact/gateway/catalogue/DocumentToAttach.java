package be.persocontact.gateway.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A document the employee should attach. {@code whenField}/{@code whenValues} make it depend on the
 * case: a birth certificate only when the reduction asked for is parental leave.
 */
public record DocumentToAttach(Localized text, String whenField, List<String> whenValues) {

	public DocumentToAttach {
		whenValues = whenValues == null ? List.of() : List.copyOf(whenValues);
	}

	public boolean isConditional() {
		return this.whenField != null;
	}

	/** Does this document apply to a submission with these values? */
	public boolean appliesTo(Map<String, String> values) {
		return !isConditional() || this.whenValues.contains(values.get(this.whenField));
	}

}
