package be.persocontact.gateway.privacy;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import be.persocontact.gateway.ticket.Ticket;

/**
 * The person an export or erasure is about, as far as the gateway can tell: the addresses and portal
 * employee ids that are theirs (one found through the other), and the tickets they asked.
 */
record Subject(SortedSet<String> addresses, SortedSet<String> employeeIds, List<Ticket> tickets) {

	Subject {
		addresses = new TreeSet<>(addresses);
		employeeIds = new TreeSet<>(employeeIds);
		tickets = List.copyOf(tickets);
	}

	List<Long> ticketIds() {
		return this.tickets.stream().map(Ticket::id).toList();
	}

	List<String> ticketNumbers() {
		return this.tickets.stream().map(ticket -> ticket.number().value()).toList();
	}

	List<String> unfinishedTickets() {
		return this.tickets.stream()
			.filter(ticket -> !ticket.status().isClosed())
			.map(ticket -> ticket.number().value())
			.toList();
	}

	/** The pseudonyms the request log keeps. */
	Set<String> keys() {
		SortedSet<String> keys = new TreeSet<>();
		this.addresses.forEach(address -> keys.add(PrivacyRequests.keyOfAddress(address)));
		this.employeeIds.forEach(id -> keys.add(PrivacyRequests.keyOfEmployee(id)));
		return keys;
	}

}
