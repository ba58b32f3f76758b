package be.persocontact.gateway.attachment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.attachment.internal.AttachmentInspector;
import be.persocontact.gateway.attachment.internal.InspectedFile;
import be.persocontact.gateway.attachment.internal.StoredFiles;
import be.persocontact.gateway.attachment.internal.TicketAttachments;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachment module's API for every channel: judge the files of one message, store the accepted
 * ones beside the ticket, and answer with one receipt per file. Plain values in and out; which
 * parser reads the files is this module's business.
 */
@Service
public class AttachmentManagement {

	private final AttachmentInspector inspector;

	private final StoredFiles files;

	private final TicketAttachments attachments;

	private final SignedLinks links;

	private final AttachmentSettings settings;

	private final Clock clock;

	private final MessageSource refusals;

	AttachmentManagement(AttachmentInspector inspector, StoredFiles files, TicketAttachments attachments,
			SignedLinks links, AttachmentSettings settings, Clock clock) {
		this.inspector = inspector;
		this.files = files;
		this.attachments = attachments;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename("attachment/refusals");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		this.refusals = bundle;
	}

	/**
	 * Judges and records the files of one message for a ticket, in the caller's transaction (the one
	 * that opens or updates the ticket): the receipts commit with the ticket or not at all. Reading
	 * the files is bounded in time per file, so the transaction stays bounded too.
	 * @return one receipt per file, in order; a TNEF container is replaced by the files it carried
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<AttachmentReceipt> receive(List<IncomingFile> incoming, Long ticketId) {
		if (ticketId == null) {
			throw new IllegalArgumentException("Attachments belong to a ticket: ticketId is required");
		}
		return record(inspect(incoming), ticketId);
	}

	/**
	 * The judging half of {@link #receive}, without the database: callers that want the parsing
	 * outside their transaction call this first, then {@link #record}.
	 */
	public Inspection inspect(List<IncomingFile> incoming) {
		return new Inspection(this.inspector.inspect(incoming == null ? List.of() : incoming));
	}

	/** The storing half of {@link #receive}: files once by SHA-256, one receipt row per file. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<AttachmentReceipt> record(Inspection inspection, long ticketId) {
		return record(inspection, ticketId, null);
	}

	/** As {@link #record(Inspection, long)}, remembering the inbound mail the files came with. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<AttachmentReceipt> record(Inspection inspection, long ticketId, Long inboundMessageId) {
		List<AttachmentReceipt> receipts = new ArrayList<>();
		for (InspectedFile file : inspection.files()) {
			Long storedId = file.accepted() ? this.files.storeOnce(file.receipt().sha256(),
					file.receipt().detectedType(), file.content(), this.clock.instant()) : null;
			long id = this.attachments.add(ticketId, storedId, file, inboundMessageId, this.clock.instant());
			receipts.add(file.receipt().withAttachmentId(id));
		}
		return List.copyOf(receipts);
	}

	/** Every receipt of a ticket, oldest first, for the timeline and the view. */
	@Transactional(readOnly = true)
	public List<AttachmentReceipt> receiptsOf(long ticketId) {
		return this.attachments.receiptsOf(ticketId);
	}

	/** The text read from a ticket's accepted files (empty when none had any), for routing rules. */
	@Transactional(readOnly = true)
	public String textOf(long ticketId) {
		return this.attachments.textOf(ticketId);
	}

	/**
	 * The absolute download URL of one accepted file of a ticket, for one recipient (the ticket's
	 * requester), valid for {@code gateway.access.attachment-lifetime} and withdrawn with the ticket's
	 * or the recipient's links.
	 */
	public String downloadUrl(long ticketId, long attachmentId, String recipient) {
		return this.links.url(LinkPurpose.DOWNLOAD_ATTACHMENT, ticketId, attachmentId, recipient);
	}

	/** What happened to one file, in words for its sender: received with type and pages, or why not. */
	public String describe(AttachmentReceipt receipt, Locale locale) {
		if (!receipt.accepted()) {
			return explain(receipt.reason(), locale);
		}
		String type = receipt.detectedType() == null ? "?" : shortType(receipt.detectedType());
		return receipt.pages() == null ? this.refusals.getMessage("attachment.accepted", new Object[] { type }, locale)
				: this.refusals.getMessage("attachment.accepted.pages", new Object[] { type, receipt.pages() }, locale);
	}

	private static String shortType(String mediaType) {
		String subtype = mediaType.substring(mediaType.indexOf('/') + 1);
		if (subtype.contains("wordprocessingml")) {
			return "DOCX";
		}
		if (subtype.contains("opendocument.text")) {
			return "ODT";
		}
		int cut = subtype.indexOf(';');
		return (cut < 0 ? subtype : subtype.substring(0, cut)).toUpperCase(Locale.ROOT);
	}

	/** What the view shows for a file removed after its retention period, in place of its name. */
	public String removedFileName(Locale locale) {
		return this.refusals.getMessage("attachment.removed", null, locale);
	}

	/** Why a file was refused, in one of the four languages (English for any other). */
	public String explain(RefusalReason reason, Locale locale) {
		Object[] limits = switch (reason) {
			case TOO_LARGE -> new Object[] { megabytes(this.settings.maxFileSize()),
					megabytes(this.settings.maxMessageSize()) };
			case TOO_MANY -> new Object[] { this.settings.maxFiles() };
			default -> null;
		};
		return this.refusals.getMessage(reason.messageKey(), limits, locale);
	}

	private static String megabytes(org.springframework.util.unit.DataSize size) {
		return size.toMegabytes() + " MB";
	}

	/** Judged files, not yet stored. */
	public static final class Inspection {

		private final List<InspectedFile> files;

		Inspection(List<InspectedFile> files) {
			this.files = List.copyOf(files);
		}

		List<InspectedFile> files() {
			return this.files;
		}

		public List<AttachmentReceipt> receipts() {
			return this.files.stream().map(InspectedFile::receipt).toList();
		}

	}

}
