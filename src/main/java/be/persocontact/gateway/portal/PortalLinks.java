package be.persocontact.gateway.portal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkVerification;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.notification.MailTemplates;
import be.persocontact.gateway.notification.Outbox;
import be.persocontact.gateway.ticket.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to the portal pages, sent by mail through the outbox: no account and no password, whoever
 * reads the mailbox is the employee. A link is bound to the address it was sent to.
 */
@Service
public class PortalLinks {

	static final String MAIL_KIND = "portal-link";

	private static final Logger log = LoggerFactory.getLogger(PortalLinks.class);

	private final PortalVisitors visitors;

	private final SignedLinks links;

	private final Outbox outbox;

	private final MailTemplates templates;

	private final PortalSettings settings;

	private final Clock clock;

	private final String baseUrl;

	PortalLinks(PortalVisitors visitors, SignedLinks links, Outbox outbox, MailTemplates templates,
			PortalSettings settings, Clock clock, @Value("${gateway.public-base-url}") String baseUrl) {
		this.visitors = visitors;
		this.links = links;
		this.outbox = outbox;
		this.templates = templates;
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Mails a link to the pages to that address, unless one went out moments ago (a double click, or
	 * someone using the page to flood a mailbox). Says nothing about whether the address is known.
	 */
	@Transactional
	public void sendLink(String address, String language) {
		String normalised = Requester.normalise(address);
		PortalVisitor visitor = this.visitors.findByAddress(normalised)
			.orElseGet(() -> this.visitors.save(new PortalVisitor(normalised, language, this.clock.instant())));
		visitor.speaks(language);
		if (!visitor.linkSent(this.clock.instant(), this.settings.linkResendInterval())) {
			log.info("Portal link for visitor {} not sent again so soon", visitor.id());
			return;
		}
		String url = this.baseUrl + "/portal/"
				+ this.links.issue(LinkPurpose.PORTAL_PAGES, visitor.id(), normalised, this.settings.linkLifetime());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("link", url);
		model.put("days", this.settings.linkLifetime().toDays());
		this.outbox.enqueue(null, MAIL_KIND, language, normalised, this.templates.subject(MAIL_KIND, language), "portal",
				this.templates.render(MAIL_KIND, language, model));
	}

	/** The visitor a link was sent to, when the token is authentic, unexpired and theirs. */
	@Transactional(readOnly = true)
	public Optional<Visitor> visitor(String token) {
		if (!(this.links.verify(token, LinkPurpose.PORTAL_PAGES) instanceof LinkVerification.Valid valid)) {
			return Optional.empty();
		}
		return this.visitors.findById(valid.ticketId())
			.filter(visitor -> this.links.isIssuedTo(valid, visitor.address()))
			.map(visitor -> new Visitor(visitor.address(), visitor.language()));
	}

	/** Whether the token is authentic but too old, so the page can offer a new link rather than an error. */
	public boolean isExpired(String token) {
		return this.links.verify(token, LinkPurpose.PORTAL_PAGES) instanceof LinkVerification.Expired;
	}

}
