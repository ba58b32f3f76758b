package be.persocontact.gateway.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormValidationUnitTests {

	private static final Catalogue CATALOGUE = CatalogueReader.read("test.yaml", """
			queues: [general]
			themes:
			  - code: t
			    title: {nl: T, fr: T, de: T, en: T}
			    forms:
			      - code: f
			        title: {nl: F, fr: F, de: F, en: F}
			        queue: general
			        attachments: required
			        fields:
			          - {name: kind, type: select, required: true, label: {nl: S, fr: S, de: S, en: S},
			             options: [{value: a, label: {nl: A, fr: A, de: A, en: A}}]}
			          - {name: start, type: date, required: true, label: {nl: B, fr: D, de: A, en: S}}
			          - {name: end, type: date, not-before: start, label: {nl: E, fr: F, de: E, en: E}}
			          - {name: days, type: number, min: 1, max: 4, label: {nl: D, fr: J, de: T, en: D}}
			          - {name: note, type: text, min: 3, max: 10, label: {nl: N, fr: N, de: N, en: N}}
			          - {name: mail, type: email, label: {nl: M, fr: M, de: M, en: M}}
			          - {name: agree, type: checkbox, required: true, label: {nl: J, fr: O, de: J, en: Y}}
			      - code: no-files
			        title: {nl: G, fr: G, de: G, en: G}
			        queue: general
			        attachments: none
			        fields:
			          - {name: x, type: text, label: {nl: X, fr: X, de: X, en: X}}
			""");

	private final Form form = CATALOGUE.form("f").orElseThrow();

	@Test
	void aCompleteSubmissionHasNoProblem() {
		assertThat(FormValidation.validate(this.form, valid(), 1)).isEmpty();
	}

	@Test
	void everyMissingRequiredValueAndTheMissingAttachmentAreReportedTogether() {
		assertThat(FormValidation.validate(this.form, Map.of(), 0))
			.containsExactly(problem("kind", FieldProblem.Kind.REQUIRED), problem("start", FieldProblem.Kind.REQUIRED),
					problem("agree", FieldProblem.Kind.REQUIRED),
					problem("attachments", FieldProblem.Kind.ATTACHMENT_REQUIRED));
	}

	@Test
	void aBadDateAnUnknownOptionAndANonNumberAreEachNamed() {
		Map<String, String> values = valid();
		values.put("start", "31/02/2026");
		values.put("kind", "z");
		values.put("days", "three");
		values.put("mail", "not-an-address");
		values.put("agree", "maybe");
		assertThat(FormValidation.validate(this.form, values, 1)).containsExactly(
				problem("kind", FieldProblem.Kind.UNKNOWN_OPTION), problem("start", FieldProblem.Kind.NOT_A_DATE),
				problem("days", FieldProblem.Kind.NOT_A_NUMBER), problem("mail", FieldProblem.Kind.NOT_AN_EMAIL),
				problem("agree", FieldProblem.Kind.NOT_A_CHECKBOX));
	}

	@Test
	void anEndBeforeItsStartIsReportedOnTheEndWithTheStartNamed() {
		Map<String, String> values = valid();
		values.put("end", "2026-02-28");
		assertThat(FormValidation.validate(this.form, values, 1))
			.containsExactly(new FieldProblem("end", FieldProblem.Kind.DATE_BEFORE, List.of("start")));
		values.put("end", "2026-03-01");
		assertThat(FormValidation.validate(this.form, values, 1)).isEmpty();
	}

	@Test
	void numbersAndTextsOutsideTheirLimitsAreReportedWithTheLimit() {
		Map<String, String> values = valid();
		values.put("days", "5");
		values.put("note", "ab");
		assertThat(FormValidation.validate(this.form, values, 1)).containsExactly(
				new FieldProblem("days", FieldProblem.Kind.TOO_LARGE, List.of("4")),
				new FieldProblem("note", FieldProblem.Kind.TOO_SHORT, List.of("3")));
		values.put("days", "0");
		values.put("note", "abcdefghijk");
		assertThat(FormValidation.validate(this.form, values, 1)).containsExactly(
				new FieldProblem("days", FieldProblem.Kind.TOO_SMALL, List.of("1")),
				new FieldProblem("note", FieldProblem.Kind.TOO_LONG, List.of("10")));
	}

	@Test
	void aValueForAFieldTheFormDoesNotHaveIsRefusedRatherThanDropped() {
		Map<String, String> values = valid();
		values.put("salary", "5000");
		assertThat(FormValidation.validate(this.form, values, 1))
			.containsExactly(problem("salary", FieldProblem.Kind.UNKNOWN_FIELD));
	}

	@Test
	void filesOnAFormThatTakesNoneAreRefused() {
		assertThat(FormValidation.validate(CATALOGUE.form("no-files").orElseThrow(), Map.of(), 2))
			.containsExactly(problem("attachments", FieldProblem.Kind.ATTACHMENTS_NOT_ACCEPTED));
	}

	private static Map<String, String> valid() {
		Map<String, String> values = new HashMap<>();
		values.put("kind", "a");
		values.put("start", "2026-03-01");
		values.put("days", "2");
		values.put("agree", "on");
		return values;
	}

	private static FieldProblem problem(String field, FieldProblem.Kind kind) {
		return new FieldProblem(field, kind, List.of());
	}

}
