package be.persocontact.gateway.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTrimmerUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "-----Original Message-----", "-----Oorspronkelijk bericht-----",
			"----- Message d'origine -----", "-----Ursprüngliche Nachricht-----",
			"Op ma 30 nov. 2026 om 10:12 schreef PersoContact <helpdesk@persocontact.local>:",
			"Le lun. 30 nov. 2026 à 10:12, PersoContact <helpdesk@persocontact.local> a écrit :",
			"Am Mo., 30. Nov. 2026 um 10:12 Uhr schrieb PersoContact <helpdesk@persocontact.local>:",
			"On Mon, 30 Nov 2026 at 10:12, PersoContact <helpdesk@persocontact.local> wrote:",
			"________________________________" })
	void historyAfterAClientsMarkerIsCut(String marker) {
		String reply = "Hier is de geboorteakte.\n\nGroeten,\nAnna\n\n" + marker + "\nVan: PersoContact\n> oude tekst\n";

		assertThat(QuoteTrimmer.trim(reply)).isEqualTo("Hier is de geboorteakte.\n\nGroeten,\nAnna");
	}

	@Test
	void outlooksHeaderBlockIsCutInEveryLanguage() {
		for (String[] block : new String[][] { { "From", "Sent" }, { "Van", "Verzonden" }, { "De", "Envoyé" },
				{ "Von", "Gesendet" } }) {
			String reply = "Bedankt.\n\n" + block[0] + ": PersoContact <helpdesk@persocontact.local>\n" + block[1]
					+ ": maandag 30 november 2026 10:12\nTo: Anna\nSubject: [HRB0000001] Attest\n\nOude tekst";
			assertThat(QuoteTrimmer.trim(reply)).as(block[0]).isEqualTo("Bedankt.");
		}
	}

	@Test
	void aFromLineInProseIsKept() {
		String text = "Mijn attest komt van de dokter.\nFrom: what I understood, that is fine.\nAnna";
		assertThat(QuoteTrimmer.trim(text)).isEqualTo(text);
	}

	@Test
	void signaturesWithPhoneNumbersAreCutButInlineAnswersBetweenQuotesStay() {
		String reply = "> Which period?\nFrom 1 to 15 December.\n> Which form?\nThe blue one.\n\n-- \nAnna Peeters\n+32 2 123 45 67\n";
		assertThat(QuoteTrimmer.trim(reply))
			.isEqualTo("> Which period?\nFrom 1 to 15 December.\n> Which form?\nThe blue one.");
	}

	@Test
	void aTrailingQuoteWithoutMarkerIsCut() {
		assertThat(QuoteTrimmer.trim("Ja, akkoord.\n\n> Uw aanvraag is behandeld.\n> Groeten\n")).isEqualTo("Ja, akkoord.");
	}

	@Test
	void aMobileFooterIsCut() {
		assertThat(QuoteTrimmer.trim("Merci\n\nEnvoyé de mon iPhone\n\n> texte")).isEqualTo("Merci");
	}

	@Test
	void theFirstMailOfATicketKeepsWhatItForwardsAndLosesOnlyItsSignature() {
		String forward = "Zie hieronder het akkoord van mijn chef.\n\n-----Original Message-----\nFrom: Chef\nAkkoord.\n\n-- \nAnna\n0470 12 34 56";
		assertThat(QuoteTrimmer.trimSignature(forward))
			.isEqualTo("Zie hieronder het akkoord van mijn chef.\n\n-----Original Message-----\nFrom: Chef\nAkkoord.");
	}

	@Test
	void aMailThatIsOnlyAQuoteKeepsItsText() {
		assertThat(QuoteTrimmer.trim("> only quoted")).isEqualTo("> only quoted");
	}

	@Test
	void gmailsAttributionWrappedBeforeTheAddressIsCut() {
		String reply = "Ab dem 1. Februar, 80 %.\n\nLena\n\nAm Fr., 11. Dez. 2026 um 16:02 Uhr schrieb PersoContact <\n"
				+ "helpdesk@persocontact.local>:\n\n> Ab wann?\n";
		assertThat(QuoteTrimmer.trim(reply)).isEqualTo("Ab dem 1. Februar, 80 %.\n\nLena");
	}

	@Test
	void proseStartingLikeAnAttributionIsKeptWhenTheNextLineIsNoAddress() {
		String text = "Ja.\nOp maandag schreef ik u al\nhet volgende:\nik kom vrijdag.";
		assertThat(QuoteTrimmer.trim(text)).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Get Outlook for iOS", "Obtenir Outlook pour iOS", "Outlook voor iOS downloaden",
			"Outlook für Android beziehen" })
	void outlookMobileFootersAreCutInEveryLanguage(String footer) {
		assertThat(QuoteTrimmer.trim("Oui, mon mari aussi.\n\n" + footer + "\n")).isEqualTo("Oui, mon mari aussi.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "FW: Akkoord telewerk", "Fwd: Akkoord telewerk", "TR: Accord télétravail",
			"WG: Telearbeit", "[HRB0000001] Doorst: Akkoord" })
	void anOutlookForwardKeepsTheForwardedMessageWhenTheSubjectSaysItIsOne(String subject) {
		String forward = "Hieronder het akkoord.\n\nEls\n\nVan: Bart Claes <bart.claes@example.org>\n"
				+ "Verzonden: woensdag 2 december 2026 16:40\nAan: Els Wouters\nOnderwerp: Akkoord telewerk\n\n"
				+ "Akkoord voor dinsdag en donderdag.\n";

		assertThat(QuoteTrimmer.trim(forward, subject)).isEqualTo(forward.strip());
		assertThat(QuoteTrimmer.trim(forward, "Re: Akkoord telewerk")).isEqualTo("Hieronder het akkoord.\n\nEls");
	}

	@Test
	void theFirstMailLosesTheSignatureAboveAForwardButKeepsTheForward() {
		String first = "Zie hieronder.\n\n-- \nAnna Peeters\n0470 12 34 56\n\n"
				+ "---------- Forwarded message ---------\nFrom: Chef <chef@example.org>\nSubject: Akkoord\n\nAkkoord.";

		assertThat(QuoteTrimmer.trimSignature(first)).isEqualTo(
				"Zie hieronder.\n\n---------- Forwarded message ---------\nFrom: Chef <chef@example.org>\nSubject: Akkoord\n\nAkkoord.");
	}

	@Test
	void theFirstMailKeepsTextBelowAPhoneFooter() {
		String first = "Mijn vraag gaat over mijn loonfiche.\n\nVerzonden vanaf mijn iPhone\n\nIk werk sinds maart halftijds.";

		assertThat(QuoteTrimmer.trimSignature(first)).isEqualTo(first);
	}

}
