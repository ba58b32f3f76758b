package be.persocontact.gateway.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket number: {@code HRB} and seven digits. Numbers of the previous system ({@code HRC…}) are a
 * different thing ({@link #findLegacyReferences(String)}) and never parse as ours.
 */
public record TicketNumber(String value) {

	private static final Pattern FORMAT = Pattern.compile("HRB\\d{7}");

	/** In a subject only the bracketed form counts: a bare number in prose is not a thread reference. */
	private static final Pattern IN_SUBJECT = Pattern.compile("\\[\\s*(HRB\\d{7})\\s*]", Pattern.CASE_INSENSITIVE);

	private static final Pattern LEGACY = Pattern.compile("\\b(HRC\\d{7})\\b", Pattern.CASE_INSENSITIVE);

	public TicketNumber {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a ticket number: " + value);
		}
	}

	public static TicketNumber of(long sequenceValue) {
		if (sequenceValue < 1 || sequenceValue > 9_999_999) {
			throw new IllegalArgumentException("Ticket sequence out of range: " + sequenceValue);
		}
		return new TicketNumber("HRB%07d".formatted(sequenceValue));
	}

	/** The ticket numbers referenced as {@code [HRB0000042]} in a subject, in order of appearance. */
	public static List<TicketNumber> findIn(String subject) {
		List<TicketNumber> found = new ArrayList<>();
		if (subject == null) {
			return found;
		}
		Matcher matcher = IN_SUBJECT.matcher(subject);
		while (matcher.find()) {
			TicketNumber number = new TicketNumber(matcher.group(1).toUpperCase());
			if (!found.contains(number)) {
				found.add(number);
			}
		}
		return found;
	}

	/** Numbers of the previous system, kept as references on a new ticket. */
	public static List<String> findLegacyReferences(String text) {
		List<String> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		Matcher matcher = LEGACY.matcher(text);
		while (matcher.find()) {
			String number = matcher.group(1).toUpperCase();
			if (!found.contains(number)) {
				found.add(number);
			}
		}
		return found;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
