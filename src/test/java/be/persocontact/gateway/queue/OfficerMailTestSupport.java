package be.persocontact.gateway.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.MailIntegrationTestSupport;

import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Employees and officers as they are: they send mail to the helpdesk and answer the mails they get,
 * by replying to the Reply-To. The receiving server ({@code mx.persocontact.local}) is trusted for
 * its Authentication-Results, as in production, so officers' replies carry a DMARC result.
 */
@TestPropertySource(properties = "gateway.intake.trusted-authserv-ids=mx.persocontact.local")
abstract class OfficerMailTestSupport extends MailIntegrationTestSupport {

	static final String ATTESTATIONS = "attesten@persocontact.local";

	static final String SALARY = "loon@persocontact.local";

	static final String GENERAL = "hr-vragen@persocontact.local";

	/** Officers of the attestations queue. */
	static final String AN = "an.peeters@persocontact.local";

	static final String LUC = "luc.dubois@persocontact.local";

	/** Officer of the salary queue only. */
	static final String SOFIE = "sofie.maes@persocontact.local";

	static final String DMARC_PASS = "Authentication-Results: mx.persocontact.local; spf=pass; dmarc=pass header.from=persocontact.local\n";

	static final String DMARC_FAIL = "Authentication-Results: mx.persocontact.local; spf=fail; dmarc=fail header.from=persocontact.local\n";

	/** What our receiving server writes on an employee's mail whose domain passed DMARC. */
	static String dmarcPassFor(String address) {
		return "Authentication-Results: mx.persocontact.local; spf=pass; dmarc=pass header.from="
				+ address.substring(address.indexOf('@') + 1) + "\n";
	}

	/** An employee's new request; returns its ticket number. */
	String employeeWrites(String from, String subject, String body, String language) {
		this.mail.sendRaw(mailFrom(from, "Employee", subject, body, language), helpdesk());
		return awaitTicketOf(from);
	}

	/** Waits for our mail of that kind about that ticket in that mailbox. */
	MimeMessage awaitMail(String address, String number, String kind) {
		await().atMost(Duration.ofSeconds(30)).until(() -> find(address, number, kind).isPresent());
		return find(address, number, kind).orElseThrow();
	}

	/** Every mail of ours in that mailbox about that ticket, as "kind" names. */
	List<String> kindsIn(String address, String number) {
		return this.mail.inbox(address)
			.stream()
			.filter(message -> messageId(message).startsWith("<" + number + "."))
			.map(message -> messageId(message).split("\\.")[1])
			.toList();
	}

	Optional<MimeMessage> find(String address, String number, String kind) {
		return this.mail.inbox(address)
			.stream()
			.filter(message -> messageId(message).startsWith("<" + number + "." + kind + "."))
			.findFirst();
	}

	/** Replies as a mail client does: to the Reply-To, In-Reply-To the original, "Re:" subject. */
	String reply(String from, MimeMessage original, String body, String extraHeaders) {
		return reply(from, replyTo(original), original, body, extraHeaders);
	}

	/** Sends the reply; returns its Message-ID. */
	String reply(String from, String to, MimeMessage original, String body, String extraHeaders) {
		String messageId = "<" + UUID.randomUUID() + "@persocontact.local>";
		String raw = """
				From: %s
				To: %s
				Subject: Re: %s
				Date: Sun, 29 Nov 2026 11:00:00 +0100
				Message-ID: %s
				In-Reply-To: %s
				%sContent-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: 8bit

				%s

				> quoted text of the original that must not reach anyone
				""".formatted(from, to, subjectOf(original), messageId, messageId(original), extraHeaders, body);
		this.mail.sendRaw(raw, to);
		return messageId;
	}

	/** The plain-text part as the reader sees it, decoded. */
	static String textOf(MimeMessage message) {
		try {
			String text = textOf(message.getContent());
			return text == null ? String.valueOf(message.getContent()) : text;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String textOf(Object content) throws Exception {
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				jakarta.mail.BodyPart part = multipart.getBodyPart(i);
				String text = part.isMimeType("text/plain") ? (String) part.getContent() : textOf(part.getContent());
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static String replyTo(MimeMessage message) {
		try {
			Address[] replyTo = message.getReplyTo();
			return ((InternetAddress) replyTo[0]).getAddress();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String messageId(MimeMessage message) {
		try {
			String id = message.getMessageID();
			return id == null ? "" : id;
		}
		catch (Exception ex) {
			return "";
		}
	}

	String status(String number) {
		return this.jdbc.queryForObject("SELECT status FROM ticket WHERE number = ?", String.class, number);
	}

	String queue(String number) {
		return this.jdbc.queryForObject("SELECT queue_code FROM ticket WHERE number = ?", String.class, number);
	}

	String assignee(String number) {
		return this.jdbc.queryForObject("SELECT assignee FROM ticket WHERE number = ?", String.class, number);
	}

	/** The outcome and reason of the mail with that Message-ID, once it is processed. */
	String[] awaitInbound(String messageId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE message_id = ? AND outcome NOT IN "
					+ "('RECEIVED', 'FAILED')", messageId) == 1);
		return this.jdbc.queryForObject("SELECT outcome, reason FROM inbound_message WHERE message_id = ?",
				(rs, row) -> new String[] { rs.getString("outcome"), rs.getString("reason") }, messageId);
	}

}
