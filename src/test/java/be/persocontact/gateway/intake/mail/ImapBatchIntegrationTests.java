package be.persocontact.gateway.intake.mail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch costs one FETCH for the UIDs, flags and sizes of all its mails and one UID MOVE for all of
 * them, against a real IMAP server (GreenMail), read from the protocol trace.
 */
class ImapBatchIntegrationTests {

	private static final String HELPDESK = "helpdesk@persocontact.local";

	private final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication().withUser(HELPDESK, HELPDESK, "x"));

	private final ByteArrayOutputStream trace = new ByteArrayOutputStream();

	private Store store;

	@BeforeEach
	void start() throws Exception {
		this.greenMail.start();
		for (int i = 1; i <= 6; i++) {
			GreenMailUtil.sendTextEmail(HELPDESK, "anna@example.org", "Vraag " + i, "Tekst " + i,
					this.greenMail.getSmtp().getServerSetup());
		}
		// SMTP delivery is asynchronous: the batch is all there before the poll opens the inbox
		assertThat(this.greenMail.waitForIncomingEmail(10_000, 6)).isTrue();
		Session session = Session.getInstance(new Properties());
		session.setDebug(true);
		session.setDebugOut(new PrintStream(this.trace, true, StandardCharsets.UTF_8));
		this.store = session.getStore("imap");
		this.store.connect("127.0.0.1", this.greenMail.getImap().getPort(), HELPDESK, "x");
	}

	@AfterEach
	void stop() throws Exception {
		this.store.close();
		this.greenMail.stop();
	}

	@Test
	void aBatchIsFetchedOnceAndItsProcessedMailsLeaveWithOneUidMove() throws Exception {
		Folder inbox = this.store.getFolder("INBOX");
		inbox.open(Folder.READ_WRITE);
		ImapBatchFetch fetch = new ImapBatchFetch(50);
		BatchMoves moves = new BatchMoves();
		this.trace.reset();

		for (Message message : inbox.getMessages()) {
			String key = fetch.generateUuid(null, message);
			long uid = ((UIDFolder) inbox).getUID(message);
			assertThat(key).isEqualTo(((UIDFolder) inbox).getUIDValidity() + ":" + uid);
			assertThat(message.getSize()).isPositive();
			message.getFlags();
			if (message.getMessageNumber() != 3) { // the third failed and stays for the next poll
				moves.add(message, ((UIDFolder) inbox).getUIDValidity(), uid, "Processed");
			}
		}
		String reading = this.trace.toString(StandardCharsets.UTF_8);
		moves.flush();
		String moving = this.trace.toString(StandardCharsets.UTF_8).substring(reading.length());

		assertThat(reading.lines().filter(line -> line.matches("^[A-Z]+\\d+ (UID )?FETCH .*"))).singleElement()
			.asString()
			.contains("FETCH 1:6 (", "UID", "FLAGS", "RFC822.SIZE");
		assertThat(moving.lines().filter(line -> line.matches("^[A-Z]+\\d+ (UID )?MOVE .*"))).singleElement()
			.asString()
			.contains("UID MOVE 1:2,4:6 ");
		inbox.close(false); // as the consumer does after each poll: the next one sees the folder as it is now
		inbox.open(Folder.READ_ONLY);
		assertThat(inbox.getMessageCount()).isOne();
		assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Vraag 3");
		Folder processed = this.store.getFolder("Processed");
		processed.open(Folder.READ_ONLY);
		assertThat(processed.getMessageCount()).isEqualTo(5);
	}

}
