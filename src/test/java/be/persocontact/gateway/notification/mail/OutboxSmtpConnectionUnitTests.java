package be.persocontact.gateway.notification.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox's mails of one run share one SMTP connection, and still fail one by one: a refused mail
 * does not take the others down, and no connection outlives its run.
 */
class OutboxSmtpConnectionUnitTests {

	private ScriptedSmtpServer server;

	private OutboxSmtpConnection sender;

	@BeforeEach
	void setUp() throws IOException {
		this.server = new ScriptedSmtpServer("refused@example.org");
		this.sender = new OutboxSmtpConnection();
		this.sender.setProtocol("smtp");
		this.sender.setHost("127.0.0.1");
		this.sender.setPort(this.server.port());
		this.sender.setJavaMailProperties(new Properties());
	}

	@AfterEach
	void tearDown() throws IOException {
		this.sender.endRun();
		this.server.close();
	}

	@Test
	void theMailsOfOneRunGoOverOneConnectionAndTheNextRunOpensItsOwn() throws Exception {
		for (int i = 0; i < 10; i++) {
			this.sender.send(mail("anna" + i + "@example.org"));
		}
		this.sender.endRun();
		this.sender.send(mail("bert@example.org"));

		assertThat(this.server.delivered()).hasSize(11);
		assertThat(this.server.connections()).isEqualTo(2);
		assertThat(this.sender.connectionsOpened()).isEqualTo(2);
	}

	@Test
	void aRefusedMailFailsAloneAndTheMailsAfterItAreSentOnAFreshConnection() throws Exception {
		this.sender.send(mail("anna@example.org"));
		assertThatThrownBy(() -> this.sender.send(mail("refused@example.org"))).isInstanceOf(MessagingException.class);
		this.sender.send(mail("bert@example.org"));
		this.sender.send(mail("chris@example.org"));

		assertThat(this.server.delivered()).containsExactly("anna@example.org", "bert@example.org", "chris@example.org");
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void aConnectionCarriesAtMostAHundredMails() throws Exception {
		for (int i = 0; i < OutboxSmtpConnection.MAILS_PER_CONNECTION + 1; i++) {
			this.sender.send(mail("anna" + i + "@example.org"));
		}

		assertThat(this.server.delivered()).hasSize(OutboxSmtpConnection.MAILS_PER_CONNECTION + 1);
		assertThat(this.server.connections()).isEqualTo(2);
	}

	private static MimeMessage mail(String to) throws MessagingException {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("helpdesk@persocontact.local"));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
		message.setSubject("Status");
		message.setText("Text");
		return message;
	}

	/** Accepts every mail but those to one address (550 at RCPT), and counts connections. */
	private static final class ScriptedSmtpServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final AtomicInteger connections = new AtomicInteger();

		private final List<String> delivered = new CopyOnWriteArrayList<>();

		ScriptedSmtpServer(String refused) throws IOException {
			Thread accept = new Thread(() -> {
				while (!this.socket.isClosed()) {
					try {
						Socket client = this.socket.accept();
						this.connections.incrementAndGet();
						Thread session = new Thread(() -> serve(client, refused));
						session.setDaemon(true);
						session.start();
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			accept.setDaemon(true);
			accept.start();
		}

		private void serve(Socket client, String refused) {
			try (client;
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
					OutputStream out = client.getOutputStream()) {
				reply(out, "220 scripted");
				String recipient = null;
				String line;
				while ((line = in.readLine()) != null) {
					String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
					switch (command) {
						case "EHLO", "HELO" -> reply(out, "250 scripted");
						case "MAIL" -> {
							recipient = null;
							reply(out, "250 ok");
						}
						case "RCPT" -> {
							String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
							if (address.equals(refused)) {
								reply(out, "550 no such user");
							}
							else {
								recipient = address;
								reply(out, "250 ok");
							}
						}
						case "DATA" -> {
							reply(out, "354 go on");
							while (!".".equals(in.readLine())) {
								// the mail's lines
							}
							this.delivered.add(recipient);
							reply(out, "250 accepted");
						}
						case "QUIT" -> {
							reply(out, "221 bye");
							return;
						}
						default -> reply(out, "250 ok");
					}
				}
			}
			catch (IOException ex) {
				// the client went away
			}
		}

		private static void reply(OutputStream out, String line) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		int connections() {
			return this.connections.get();
		}

		List<String> delivered() {
			return this.delivered;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
