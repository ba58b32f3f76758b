package be.persocontact.gateway;

import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.Tickets;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway as it runs, for tests that open tickets directly through the ticket module (no mail
 * needed) and then look at the mails, links and pages those tickets cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class TicketFixtureTestSupport {

	@Autowired
	protected TicketManagement management;

	@Autowired
	protected Tickets tickets;

	@Autowired
	protected TransactionTemplate transaction;

	@Autowired
	protected SignedLinks links;

	@Autowired
	protected JdbcTemplate jdbc;

	@LocalServerPort
	protected int port;

	protected TicketFixture fixture;

	@BeforeEach
	void createFixture() {
		this.fixture = new TicketFixture(this.management, this.tickets, this.transaction, this.port);
	}

}
