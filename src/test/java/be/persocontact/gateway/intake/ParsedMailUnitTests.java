package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedMailUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "Jan \"de Smet <jan@@example..org", "jan@example..org", "<jan@example.org", "jan@localhost",
			"undisclosed-recipients:;" })
	void aFromThatNoMailCanBeSentToIsNoSender(String from) throws Exception {
		assertThat(parse("From: " + from).fromAddress()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Anna <anna.peeters@example.org>", "o'brien@example.ie", "\"Dubois, Marie\" <marie+hr@example.com>",
			"MAILER-DAEMON@mx.example.org (Mail Delivery System)" })
	void anOrdinaryFromIsTheSender(String from) throws Exception {
		assertThat(parse("From: " + from).fromAddress()).contains("@");
	}

	private static ParsedMail parse(String header) throws Exception {
		return ParsedMail.parse((header + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
