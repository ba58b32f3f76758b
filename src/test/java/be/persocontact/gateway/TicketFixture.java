package be.persocontact.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.Tickets;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens tickets and moves them through statuses as the channels and officers will, each step in its
 * own transaction, and talks HTTP to the running gateway.
 */
public final class TicketFixture {

	public static final String OFFICER = "officer@persocontact.local";

	private final TicketManagement management;

	private final Tickets tickets;

	private final TransactionTemplate transaction;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	public TicketFixture(TicketManagement management, Tickets tickets, TransactionTemplate transaction, int port) {
		this.management = management;
		this.tickets = tickets;
		this.transaction = transaction;
		this.port = port;
	}

	public TicketNumber open(String address, String subject, String body, String language) {
		return this.transaction.execute(status -> this.management
			.open(new RequesterMessage(address, "Anna", language, subject, body, null, List.of()))
			.ticket());
	}

	public long idOf(TicketNumber number) {
		return this.tickets.findByNumber(number).orElseThrow().id();
	}

	public void changeStatus(TicketNumber number, TicketStatus... targets) {
		for (TicketStatus target : targets) {
			this.transaction.executeWithoutResult(status -> {
				Ticket ticket = this.tickets.findByNumber(number).orElseThrow();
				ticket.changeStatus(target, OFFICER, null, Instant.now());
				this.tickets.save(ticket);
			});
		}
	}

	public TicketStatus statusOf(TicketNumber number) {
		return this.tickets.findByNumber(number).orElseThrow().status();
	}

	public HttpResponse<String> get(String path, String userAgent) {
		return send(HttpRequest.newBuilder(uri(path)).header("User-Agent", userAgent).GET().build());
	}

	public HttpResponse<String> post(String path, String form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** The path of an absolute link to this gateway. */
	public static String pathOf(String url) {
		return URI.create(url).getRawPath();
	}

	public static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
