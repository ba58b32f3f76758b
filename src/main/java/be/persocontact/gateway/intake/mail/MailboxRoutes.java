package be.persocontact.gateway.intake.mail;

import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.intake.LargeMails;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.RecordedMailProcessor;
import be.persocontact.gateway.system.MailSignIn;
import be.persocontact.gateway.system.MailSignIns;
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One intake route per mailbox, made from the template {@code mail-intake} of
 * {@code routes/mail-intake.camel.yaml}: route {@value #DEFAULT_ROUTE} for the mailbox
 * {@code default}, {@code mail-intake-<id>} for the others. Each gets its own sign-in
 * ({@code #imapSignIn-<id>}, {@code #imapSessionProperties-<id>}) and its own receiver
 * ({@code #imapMailReceiver-<id>}) with its own intake workers, since each route has its own consumer
 * thread. A route does not start by itself: {@link MailboxPollers} starts it on the instance that leads
 * its mailbox.
 */
@Component
class MailboxRoutes implements CamelContextConfiguration, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailboxRoutes.class);

	/** The route of the mailbox {@code default}, by the name it always had. */
	static final String DEFAULT_ROUTE = "mail-intake";

	static final String TEMPLATE = "mail-intake";

	private final Mailboxes mailboxes;

	private final MailSignIns signIns;

	private final MailIntake intake;

	private final int workers;

	private final MeterRegistry meters;

	private final List<IntakeWorkers> pools = new ArrayList<>();

	private final RecordedMailProcessor processor;

	private final LargeMails largeMails;

	MailboxRoutes(Mailboxes mailboxes, MailSignIns signIns, MailIntake intake, RecordedMailProcessor processor,
			LargeMails largeMails, @Value("${gateway.intake.workers:4}") int workers,
			ObjectProvider<MeterRegistry> meters) {
		this.processor = processor;
		this.largeMails = largeMails;
		this.mailboxes = mailboxes;
		this.signIns = signIns;
		this.intake = intake;
		this.workers = workers;
		this.meters = meters.getIfAvailable();
	}

	/** The route that polls this mailbox. */
	static String routeId(Mailbox mailbox) {
		return Mailbox.DEFAULT_ID.equals(mailbox.id()) ? DEFAULT_ROUTE : DEFAULT_ROUTE + "-" + mailbox.id();
	}

	@Override
	public void beforeApplicationStart(CamelContext camel) {
		for (Mailbox mailbox : this.mailboxes.all()) {
			MailSignIn signIn = this.signIns.of(mailbox.id());
			IntakeWorkers pool = new IntakeWorkers(this.workers);
			this.pools.add(pool);
			camel.getRegistry().bind("imapSignIn-" + mailbox.id(), signIn.imapAuthenticator());
			camel.getRegistry()
				.bind("imapSessionProperties-" + mailbox.id(), ImapSessionConfiguration.imapSessionProperties(signIn));
			camel.getRegistry()
				.bind("imapMailReceiver-" + mailbox.id(),
						new ImapMailReceiver(this.intake, mailbox, pool, this.processor, this.largeMails, this.meters));
		}
	}

	/** The routes are made once the template is loaded, before the elections start (application ready). */
	@Override
	public void afterApplicationStart(CamelContext camel) {
		for (Mailbox mailbox : this.mailboxes.all()) {
			TemplatedRouteBuilder.builder(camel, TEMPLATE)
				.routeId(routeId(mailbox))
				.parameter("mailbox", mailbox.id())
				.parameter("protocol", mailbox.server().imapProtocol())
				.parameter("host", mailbox.server().host())
				.parameter("port", String.valueOf(mailbox.server().imapPort()))
				.parameter("username", mailbox.server().username())
				.parameter("folder", mailbox.server().folder())
				.add();
			log.info("Mailbox {} ({}) is read by route {}", mailbox.id(), mailbox.address(), routeId(mailbox));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		for (IntakeWorkers pool : this.pools) {
			pool.close();
		}
	}

}
