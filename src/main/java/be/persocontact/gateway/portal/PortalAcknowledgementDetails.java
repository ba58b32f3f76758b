package be.persocontact.gateway.portal;

import java.util.List;

import be.persocontact.gateway.notification.AcknowledgementDetails;
import be.persocontact.gateway.ticket.Ticket;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives the acknowledgement of a portal ticket its form's fields. The acknowledgement is written while
 * the ticket is being opened, before the submission's own record exists, so the lines travel as a
 * resource of that very transaction: bound just before the ticket is opened, unbound right after.
 */
@Component
class PortalAcknowledgementDetails implements AcknowledgementDetails {

	private static final Object KEY = PortalAcknowledgementDetails.class;

	static void bind(List<Line> lines) {
		TransactionSynchronizationManager.bindResource(KEY, List.copyOf(lines));
	}

	static void unbind() {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Line> detailsOf(Ticket ticket) {
		if (ticket.formCode() == null) {
			return List.of();
		}
		Object lines = TransactionSynchronizationManager.getResource(KEY);
		return lines instanceof List<?> bound ? (List<Line>) bound : List.of();
	}

}
