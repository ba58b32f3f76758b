package be.persocontact.gateway.intake;

import java.util.Arrays;

import be.persocontact.gateway.intake.InboundPersonalData.MailsWithoutTicket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a mail can end has a retention: a ticket's mail goes with its ticket, every other one with its
 * group's period. An outcome added later without a group would be kept for ever; this says so first.
 */
class MailsWithoutTicketUnitTests {

	@Test
	void everyOutcomeIsKeptForADefinitePeriod() {
		assertThat(Arrays.stream(Outcome.values())
			.filter(outcome -> !InboundPersonalData.TICKET_OUTCOMES.contains(outcome))
			.filter(outcome -> MailsWithoutTicket.of(outcome).isEmpty()))
			.as("outcomes neither of a ticket nor in a group")
			.isEmpty();
	}

	@Test
	void machineMailSecondCopiesRefusalsAndHeldMailEachHaveTheirGroup() {
		assertThat(MailsWithoutTicket.of(Outcome.IGNORED_BOUNCE)).contains(MailsWithoutTicket.IGNORED);
		assertThat(MailsWithoutTicket.of(Outcome.DUPLICATE)).contains(MailsWithoutTicket.DUPLICATES);
		assertThat(MailsWithoutTicket.of(Outcome.REJECTED_OFFICER_COMMAND)).contains(MailsWithoutTicket.REJECTED);
		assertThat(MailsWithoutTicket.of(Outcome.QUARANTINED)).contains(MailsWithoutTicket.QUARANTINED);
		assertThat(MailsWithoutTicket.of(Outcome.FAILED)).contains(MailsWithoutTicket.QUARANTINED);
		assertThat(MailsWithoutTicket.of(Outcome.APPENDED)).isEmpty();
	}

}
