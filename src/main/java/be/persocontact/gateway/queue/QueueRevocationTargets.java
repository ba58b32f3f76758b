package be.persocontact.gateway.queue;

import be.persocontact.gateway.access.RevocationTargets;

import org.springframework.stereotype.Component;

/** Queue codes, for operators withdrawing the officers' links of one queue. */
@Component
class QueueRevocationTargets implements RevocationTargets {

	private final QueueDirectory directory;

	QueueRevocationTargets(QueueDirectory directory) {
		this.directory = directory;
	}

	@Override
	public boolean isQueue(String code) {
		return code != null && this.directory.find(code).isPresent();
	}

}
