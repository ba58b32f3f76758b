package be.persocontact.gateway.portal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkUse;
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

	private final LinkManagement access;

	private final Outbox outbox;

	private final MailTemplates templates;

	private final PortalSettings settings;

	private final Clock clock;

	private final String baseUrl;

	PortalLinks(PortalVisitors visitors, SignedLinks links, LinkManagement access, Outbox outbox,
			MailTemplates templates, PortalSettings settings, Clock clock,
			@Value("${gateway.public-base-url}") String baseUrl) {
		this.visitors = visitors;
		this.links = links;
		this.access = access;
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

	/**
	 * Opens a link to the pages: the visitor it was sent to, when it is authentic, unexpired, theirs and
	 * not withdrawn (each use logged by the access module), or why not.
	 */
	public Visit open(String token, String userAgent) {
		LinkUse use = this.access.open(token, LinkPurpose.PORTAL_PAGES,
				id -> this.visitors.findById(id).map(PortalVisitor::address), userAgent);
		if (use instanceof LinkUse.Granted granted) {
			return this.visitors.findById(granted.ticketId())
				.map(visitor -> new Visit(new Visitor(visitor.address(), visitor.language()), null))
				.orElseGet(() -> new Visit(null, LinkUse.Reason.INVALID));
		}
		return new Visit(null, ((LinkUse.Refused) use).reason());
	}

	/** What came of opening a portal link: the visitor, or why the link does not open. */
	public record Visit(Visitor visitor, LinkUse.Reason refusal) {

		public Optional<Visitor> visitorIfAny() {
			return Optional.ofNullable(this.visitor);
		}

	}

}
