package be.persocontact.gateway.intake.mail;

import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Jakarta Mail settings of the IMAP session the intake route reads with. */
@Configuration(proxyBeanMethods = false)
class ImapSessionConfiguration {

	/**
	 * A mail is read whole into memory anyway (it is stored raw); fetching it in 16 KB pieces only
	 * adds a round trip per piece, seven for a mail with a 100 KB PDF. Oversized mail is never read
	 * this way: only its headers are.
	 */
	@Bean
	Properties imapSessionProperties() {
		Properties properties = new Properties();
		properties.setProperty("mail.imap.partialfetch", "false");
		properties.setProperty("mail.imaps.partialfetch", "false");
		return properties;
	}

}
