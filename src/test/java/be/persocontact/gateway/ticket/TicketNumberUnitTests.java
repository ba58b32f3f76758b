package be.persocontact.gateway.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketNumberUnitTests {

	@Test
	void numbersAreHrbAndSevenZeroPaddedDigits() {
		assertThat(TicketNumber.of(1167)).hasToString("HRB0001167");
		assertThatThrownBy(() -> TicketNumber.of(10_000_000)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TicketNumber("HRC0001167")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void onlyBracketedNumbersInASubjectReferToATicket() {
		assertThat(TicketNumber.findIn("RE: AW: [HRB0000042] Medisch attest"))
			.containsExactly(new TicketNumber("HRB0000042"));
		assertThat(TicketNumber.findIn("Re: [ hrb0000042 ] lower case")).containsExactly(new TicketNumber("HRB0000042"));
		assertThat(TicketNumber.findIn("About HRB0000042 without brackets")).isEmpty();
		assertThat(TicketNumber.findIn("[HRB00000421] eight digits")).isEmpty();
	}

	@Test
	void legacyNumbersAreReferencesNotOurs() {
		assertThat(TicketNumber.findIn("Re: [HRC0001234] old case")).isEmpty();
		assertThat(TicketNumber.findLegacyReferences("Re: [HRC0001234] old case")).containsExactly("HRC0001234");
	}

}
