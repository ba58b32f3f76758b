package be.persocontact.gateway.attachment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkProblemPage;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.attachment.internal.StoredFiles;
import be.persocontact.gateway.attachment.internal.TicketAttachments;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Serves one accepted file to the requester its link was issued to. The link is opened through the
 * access module like every other (expiry, recipient, the ticket's and the recipient's revocation, the
 * access log); one that does not open gets the same page as any link in four languages. A file goes
 * out always as a download with the type detected at intake and {@code nosniff}: a browser must never
 * render an HR document (or anything hidden in it) inline on our origin.
 */
@Controller
class AttachmentDownloadController {

	private final LinkManagement access;

	private final LinkProblemPage problems;

	private final TicketAttachments attachments;

	private final StoredFiles files;

	private final TicketManagement tickets;

	AttachmentDownloadController(LinkManagement access, LinkProblemPage problems, TicketAttachments attachments,
			StoredFiles files, TicketManagement tickets) {
		this.access = access;
		this.problems = problems;
		this.attachments = attachments;
		this.files = files;
		this.tickets = tickets;
	}

	/** The file, written here; or the link's problem page as a view. */
	@GetMapping("/d/{token}")
	ModelAndView download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		LinkUse use = this.access.open(token, LinkPurpose.DOWNLOAD_ATTACHMENT, this.tickets::requesterOf,
				request.getHeader(HttpHeaders.USER_AGENT));
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.view(((LinkUse.Refused) use).reason());
		}
		Optional<TicketAttachments.Download> download = this.attachments.download(granted.itemId())
			.filter(found -> found.ticketId() == granted.ticketId());
		Optional<byte[]> content = download.flatMap(found -> this.files.content(found.storedFileId()));
		if (content.isEmpty()) {
			return this.problems.view(LinkUse.Reason.INVALID);
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(download.get().detectedType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(download.get().name()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(content.get().length);
		response.getOutputStream().write(content.get());
		response.flushBuffer();
		return null; // answered: no view
	}

	/**
	 * RFC 6266: a plain ASCII {@code filename} for old clients, the exact name as RFC 8187
	 * {@code filename*}. Never RFC 2047 words, which RFC 6266 forbids.
	 */
	static String contentDisposition(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^\\x20-\\x7e]", "_")
			.replaceAll("[\"\\\\]", "_");
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

}
