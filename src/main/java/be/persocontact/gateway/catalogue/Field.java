package be.persocontact.gateway.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One field of a form.
 *
 * @param name the key under which a submission carries its value
 * @param min for a number the smallest value; for text the fewest characters
 * @param max for a number the largest value; for text the most characters
 * @param notBefore for a date, the name of the date field it may not precede (an end date after its start)
 * @param sensitive whether the value is left out of mails (a diagnosis, a salary), shown only behind a link
 */
public record Field(String name, FieldType type, boolean required, Localized label, Localized help,
		List<Option> options, BigDecimal min, BigDecimal max, String notBefore, boolean sensitive) {

	public Field {
		options = List.copyOf(options);
	}

	public Optional<Option> option(String value) {
		return this.options.stream().filter(option -> option.value().equals(value)).findFirst();
	}

}
