package be.persocontact.gateway.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The {@link Mailboxes}: the list {@code gateway.mailboxes}, or the one mailbox of {@code gateway.mail.*}. */
@Configuration(proxyBeanMethods = false)
class MailboxesConfiguration {

	@Bean
	Mailboxes mailboxes(MailServerSettings base, Environment environment) {
		List<MailboxEntry> entries = Binder.get(environment)
			.bind("gateway.mailboxes", Bindable.listOf(MailboxEntry.class))
			.orElse(List.of());
		String language = environment.getProperty("gateway.default-language", "nl");
		if (entries.isEmpty()) {
			return new Mailboxes(List.of(new Mailbox(Mailbox.DEFAULT_ID, base, null, language)));
		}
		List<Mailbox> mailboxes = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			mailboxes.add(entries.get(i).toMailbox(i, base, language));
		}
		return new Mailboxes(mailboxes);
	}

}
