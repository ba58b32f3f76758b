package be.persocontact.gateway.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded mail server of the zero-configuration run: when one of its ports is taken, the gateway fails
 * to start and nothing of the mail server is left running to keep its JVM alive.
 */
class EmbeddedMailServerUnitTests {

	@Test
	void whenTheSmtpPortIsTakenTheImapServerThatDidStartIsStoppedToo() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int imapPort = freePort();
			GreenMail greenMail = new GreenMail(new ServerSetup[] {
					new ServerSetup(taken.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });

			assertThatThrownBy(() -> EmbeddedServersConfiguration.Mail.started(greenMail))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("smtp");

			// the IMAP server had started: left running, its port stays taken (and its thread keeps the JVM up)
			assertThat(bindable(imapPort)).isTrue();
		}
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
