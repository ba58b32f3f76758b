package be.persocontact.gateway.queue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import be.persocontact.gateway.catalogue.CatalogueManagement;
import be.persocontact.gateway.system.MailServerSettings;
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** A mailbox whose default queue is no queue would send its tickets where nobody looks: start-up refuses it. */
class MailboxDefaultQueueUnitTests {

	private final QueueDirectory directory = new QueueDirectory(
			new QueueSettings("classpath:queues/queues.yaml", Duration.ofDays(90), Duration.ofDays(5),
					Duration.ofDays(14), DataSize.ofMegabytes(10), LocalTime.of(7, 0), "Europe/Brussels"),
			new DefaultResourceLoader(), mock(CatalogueManagement.class), "helpdesk@persocontact.local");

	@Test
	void aMailboxNamingAQueueThatDoesNotExistRefusesStartUpNamingTheKnownOnes() {
		assertThatThrownBy(() -> TicketRouting.checkDefaultQueues(mailboxes("salary", "salaris"), this.directory))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("gateway.mailboxes (id 'fr'): default-queue 'salaris' is not a queue")
			.hasMessageContaining("salary");
	}

	@Test
	void mailboxesNamingQueuesOrNoneStart() {
		assertThatCode(() -> TicketRouting.checkDefaultQueues(mailboxes(null, "salary"), this.directory))
			.doesNotThrowAnyException();
	}

	private static Mailboxes mailboxes(String nlQueue, String frQueue) {
		return new Mailboxes(List.of(mailbox("nl", "persocontact@example.org", nlQueue, "nl"),
				mailbox("fr", "persocontact-fr@example.org", frQueue, "fr")));
	}

	private static Mailbox mailbox(String id, String address, String queue, String language) {
		return new Mailbox(id, new MailServerSettings("mail.example.org", "imaps", 993, "smtps", 465, address, "secret",
				address, "INBOX", "Processed", "Quarantine", null, false, null, null, null, null), queue, language);
	}

}
