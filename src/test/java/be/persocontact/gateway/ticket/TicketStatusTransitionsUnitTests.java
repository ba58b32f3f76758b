package be.persocontact.gateway.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketStatusTransitionsUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	/** The legal transitions of DESIGN.md, written out independently of {@link TicketStatus}. */
	private static final Map<TicketStatus, List<TicketStatus>> LEGAL = Map.of(
			TicketStatus.OPEN, List.of(TicketStatus.ASSIGNED),
			TicketStatus.ASSIGNED, List.of(TicketStatus.WORK_IN_PROGRESS),
			TicketStatus.WORK_IN_PROGRESS, List.of(TicketStatus.PENDING, TicketStatus.AWAITING_ACCEPTANCE),
			TicketStatus.PENDING, List.of(TicketStatus.WORK_IN_PROGRESS),
			TicketStatus.AWAITING_ACCEPTANCE, List.of(TicketStatus.CLOSED_COMPLETE, TicketStatus.WORK_IN_PROGRESS),
			TicketStatus.CLOSED_COMPLETE, List.of());

	static Stream<Arguments> allPairs() {
		List<Arguments> pairs = new ArrayList<>();
		for (TicketStatus from : TicketStatus.values()) {
			for (TicketStatus to : TicketStatus.values()) {
				pairs.add(Arguments.of(from, to, LEGAL.get(from).contains(to)));
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{0} -> {1} legal: {2}")
	@MethodSource("allPairs")
	void onlyTheLegalTransitionsOfTheDesignAreAccepted(TicketStatus from, TicketStatus to, boolean legal) {
		Ticket ticket = ticketIn(from);
		int entriesBefore = ticket.timeline().size();

		if (legal) {
			ticket.changeStatus(to, "officer@hr.example", "because", NOW);
			assertThat(ticket.status()).isEqualTo(to);
			assertThat(ticket.timeline()).hasSize(entriesBefore + 1);
			assertThat(ticket.timeline().get(entriesBefore).statusFrom()).isEqualTo(from);
			assertThat(ticket.timeline().get(entriesBefore).statusTo()).isEqualTo(to);
		}
		else {
			assertThatThrownBy(() -> ticket.changeStatus(to, "officer@hr.example", "because", NOW))
				.isInstanceOf(TicketStatusChangeRefused.class)
				.hasMessageContaining(from.name())
				.hasMessageContaining(to.name());
			assertThat(ticket.status()).isEqualTo(from);
			assertThat(ticket.timeline()).hasSize(entriesBefore);
		}
	}

	@org.junit.jupiter.api.Test
	void aReplyToAPendingTicketPutsItBackToWork() {
		Ticket ticket = ticketIn(TicketStatus.PENDING);

		ticket.appendRequesterMessage("anna@example.org", "Here is the certificate", 7L, NOW,
				SenderProof.AUTHENTICATED);

		assertThat(ticket.status()).isEqualTo(TicketStatus.WORK_IN_PROGRESS);
	}

	@org.junit.jupiter.api.Test
	void aMessageWithoutProofOfItsSenderIsKeptButLeavesAPendingTicketWaiting() {
		Ticket ticket = ticketIn(TicketStatus.PENDING);

		boolean kept = ticket.appendRequesterMessage("anna@example.org", "Here it is", 7L, NOW, SenderProof.NONE);

		assertThat(kept).isTrue();
		assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING);
		assertThat(ticket.timeline()).anyMatch(entry -> "Here it is".equals(entry.body()));
	}

	@org.junit.jupiter.api.Test
	void onlyAnAnswerToTheSignedReplyAddressAcceptsOrRefusesASolution() {
		Ticket byNumber = ticketIn(TicketStatus.AWAITING_ACCEPTANCE);
		Ticket refusedByNumber = ticketIn(TicketStatus.AWAITING_ACCEPTANCE);
		Ticket byReplyAddress = ticketIn(TicketStatus.AWAITING_ACCEPTANCE);
		Ticket refusedByReplyAddress = ticketIn(TicketStatus.AWAITING_ACCEPTANCE);

		assertThat(byNumber.appendRequesterMessage("anna@example.org", "Ja, dank u", 7L, NOW,
				SenderProof.AUTHENTICATED)).isTrue();
		refusedByNumber.appendRequesterMessage("anna@example.org", "Nee, de datum is fout", 7L, NOW,
				SenderProof.AUTHENTICATED);
		assertThat(byReplyAddress.appendRequesterMessage("anna@example.org", "Ja, dank u", 7L, NOW,
				SenderProof.REPLY_ADDRESS)).isFalse();
		refusedByReplyAddress.appendRequesterMessage("anna@example.org", "Nee, de datum is fout", 7L, NOW,
				SenderProof.REPLY_ADDRESS);

		assertThat(byNumber.status()).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
		assertThat(refusedByNumber.status()).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
		assertThat(byReplyAddress.status()).isEqualTo(TicketStatus.CLOSED_COMPLETE);
		assertThat(refusedByReplyAddress.status()).isEqualTo(TicketStatus.WORK_IN_PROGRESS);
		// a plain message is no decision and needs no proof
		Ticket plain = ticketIn(TicketStatus.AWAITING_ACCEPTANCE);
		assertThat(plain.appendRequesterMessage("anna@example.org", "Wanneer precies?", 7L, NOW, SenderProof.NONE))
			.isFalse();
	}

	@org.junit.jupiter.api.Test
	void aClosedTicketTakesNoMoreMessages() {
		Ticket ticket = ticketIn(TicketStatus.CLOSED_COMPLETE);

		assertThatThrownBy(() -> ticket.appendRequesterMessage("anna@example.org", "One more thing", 8L, NOW,
				SenderProof.REPLY_ADDRESS))
			.isInstanceOf(TicketClosed.class);
		assertThat(ticket.timeline()).noneMatch(entry -> "One more thing".equals(entry.body()));
	}

	@org.junit.jupiter.api.Test
	void refusingASolutionNeedsAReason() {
		Ticket ticket = ticketIn(TicketStatus.AWAITING_ACCEPTANCE);

		assertThatThrownBy(() -> ticket.refuse("anna@example.org", " ", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThat(ticket.status()).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
	}

	@org.junit.jupiter.api.Test
	void aSubjectIsKeptOnOneLine() {
		Ticket ticket = Ticket.open(TicketNumber.of(1), new Requester("a@example.org", null, "nl"),
				"Attest\r\nBcc: evil@example.org\tnow", "body", 1L, NOW);

		assertThat(ticket.subject()).isEqualTo("Attest Bcc: evil@example.org now");
	}

	/** A ticket brought to the given status along the legal path, as officers and requesters would. */
	static Ticket ticketIn(TicketStatus status) {
		Ticket ticket = Ticket.open(TicketNumber.of(42), new Requester("anna@example.org", "Anna", "nl"),
				"Medisch attest", "In bijlage", 1L, NOW);
		switch (status) {
			case OPEN -> {
			}
			case ASSIGNED -> ticket.assign("officer@hr.example", NOW);
			case WORK_IN_PROGRESS -> {
				ticket.assign("officer@hr.example", NOW);
				ticket.startWork("officer@hr.example", NOW);
			}
			case PENDING -> {
				ticket.assign("officer@hr.example", NOW);
				ticket.startWork("officer@hr.example", NOW);
				ticket.askForInformation("officer@hr.example", "Which period?", NOW);
			}
			case AWAITING_ACCEPTANCE -> {
				ticket.assign("officer@hr.example", NOW);
				ticket.startWork("officer@hr.example", NOW);
				ticket.resolve("officer@hr.example", "Registered", NOW);
			}
			case CLOSED_COMPLETE -> {
				ticket.assign("officer@hr.example", NOW);
				ticket.startWork("officer@hr.example", NOW);
				ticket.resolve("officer@hr.example", "Registered", NOW);
				ticket.accept("anna@example.org", NOW);
			}
		}
		assertThat(ticket.status()).isEqualTo(status);
		return ticket;
	}

}
