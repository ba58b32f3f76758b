package be.persocontact.gateway.queue;

import java.util.Locale;
import java.util.Optional;

import be.persocontact.gateway.ticket.TeamNames;

import org.springframework.stereotype.Component;

/** The queues' names in the four languages, for the requester's view of who has their request. */
@Component
class QueueTeamNames implements TeamNames {

	private final QueueDirectory directory;

	QueueTeamNames(QueueDirectory directory) {
		this.directory = directory;
	}

	@Override
	public Optional<String> nameOf(String queueCode, Locale locale) {
		return this.directory.find(queueCode).map(queue -> queue.name(locale.getLanguage()));
	}

}
