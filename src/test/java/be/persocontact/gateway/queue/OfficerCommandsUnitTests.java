package be.persocontact.gateway.queue;

import java.util.Set;

import be.persocontact.gateway.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficerCommandsUnitTests {

	private static final Set<String> QUEUES = Set.of("attestations", "salary", "general");

	@Test
	void commandsOnTheFirstLinesAreReadAndTheRestIsTheText() {
		OfficerCommands commands = OfficerCommands.parse("\n#take\n\n#PENDING\nWelk jaar?\n#internal is not a command here",
				QUEUES, TicketStatus.OPEN);

		assertThat(commands.valid()).isTrue();
		assertThat(commands.take()).isTrue();
		assertThat(commands.pending()).isTrue();
		assertThat(commands.internal()).isFalse();
		assertThat(commands.text()).isEqualTo("Welk jaar?\n#internal is not a command here");
		assertThat(commands.summary()).isEqualTo("#take #pending");
	}

	@Test
	void aPlainReplyIsAnAnswer() {
		OfficerCommands commands = OfficerCommands.parse("Dank u, we bekijken het.", QUEUES, TicketStatus.WORK_IN_PROGRESS);

		assertThat(commands.valid()).isTrue();
		assertThat(commands.summary()).isEqualTo("answer");
		assertThat(commands.text()).isEqualTo("Dank u, we bekijken het.");
	}

	@Test
	void unknownCommandsUnknownQueuesAndContradictionsAreProblemsNeverGuesses() {
		assertThat(OfficerCommands.parse("#tkae\nHallo", QUEUES, TicketStatus.OPEN).problems())
			.singleElement().asString().startsWith("#tkae: unknown command");
		assertThat(OfficerCommands.parse("#queue", QUEUES, TicketStatus.OPEN).problems())
			.singleElement().asString().startsWith("#queue: name the queue");
		assertThat(OfficerCommands.parse("#queue Salary\nLoon", QUEUES, TicketStatus.OPEN).queue()).isEqualTo("salary");
		assertThat(OfficerCommands.parse("#queue nowhere", QUEUES, TicketStatus.OPEN).problems())
			.singleElement().asString().startsWith("#queue nowhere: no such queue");
		assertThat(OfficerCommands.parse("#pending\n#resolve\nTekst", QUEUES, TicketStatus.WORK_IN_PROGRESS).problems())
			.singleElement().asString().startsWith("#pending and #resolve");
		assertThat(OfficerCommands.parse("#internal\n#resolve\nTekst", QUEUES, TicketStatus.WORK_IN_PROGRESS).problems())
			.singleElement().asString().startsWith("#internal with #resolve");
		assertThat(OfficerCommands.parse("#pending", QUEUES, TicketStatus.WORK_IN_PROGRESS).problems())
			.singleElement().asString().startsWith("#pending: write your question");
		assertThat(OfficerCommands.parse("", QUEUES, TicketStatus.WORK_IN_PROGRESS).problems())
			.containsExactly("the reply holds no command and no text");
	}

	@Test
	void aCommandTheStatusDoesNotAllowIsAProblem() {
		assertThat(OfficerCommands.parse("#resolve\nOpgelost", QUEUES, TicketStatus.AWAITING_ACCEPTANCE).problems())
			.singleElement().asString().startsWith("#resolve: a solution already awaits");
		assertThat(OfficerCommands.parse("#pending\nVraag", QUEUES, TicketStatus.PENDING).problems())
			.singleElement().asString().startsWith("#pending: the ticket is PENDING");
		assertThat(OfficerCommands.parse("Antwoord", QUEUES, TicketStatus.CLOSED_COMPLETE).problems())
			.containsExactly("the ticket is closed; nothing can be done on it any more");
		assertThat(OfficerCommands.parse("#resolve\nOpgelost", QUEUES, TicketStatus.PENDING).valid()).isTrue();
	}

	@Test
	void aHashThatStartsNoWordIsText() {
		OfficerCommands commands = OfficerCommands.parse("#1 prioriteit voor dit dossier", QUEUES, TicketStatus.OPEN);

		assertThat(commands.valid()).isTrue();
		assertThat(commands.text()).isEqualTo("#1 prioriteit voor dit dossier");
	}

}
