package be.persocontact.gateway.attachment.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkVerification;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.attachment.internal.StoredFiles;
import be.persocontact.gateway.attachment.internal.TicketAttachments;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves one accepted file to the requester its link was issued to. Always as a download with the
 * type detected at intake and {@code nosniff}: a browser must never render an HR document (or
 * anything hidden in it) inline on our origin.
 */
@Controller
class AttachmentDownloadController {

	private static final String NOT_FOUND = """
			Deze link werkt niet. / Ce lien ne fonctionne pas. / Dieser Link funktioniert nicht. / This link does not work.
			""";

	private static final String GONE = """
			Deze link is verlopen. / Ce lien a expiré. / Dieser Link ist abgelaufen. / This link has expired.
			""";

	private final SignedLinks links;

	private final TicketAttachments attachments;

	private final StoredFiles files;

	private final TicketManagement tickets;

	AttachmentDownloadController(SignedLinks links, TicketAttachments attachments, StoredFiles files,
			TicketManagement tickets) {
		this.links = links;
		this.attachments = attachments;
		this.files = files;
		this.tickets = tickets;
	}

	@GetMapping("/d/{token}")
	ResponseEntity<byte[]> download(@PathVariable String token) {
		LinkVerification verification = this.links.verify(token, LinkPurpose.DOWNLOAD_ATTACHMENT);
		if (verification instanceof LinkVerification.Expired) {
			return problem(HttpStatus.GONE, GONE);
		}
		if (!(verification instanceof LinkVerification.Valid valid)) {
			return problem(HttpStatus.NOT_FOUND, NOT_FOUND);
		}
		Optional<TicketAttachments.Download> download = this.attachments.download(valid.ticketId())
			.filter(found -> this.tickets.find(found.ticketId())
				.map(ticket -> this.links.isIssuedTo(valid, ticket.requester().address()))
				.orElse(false));
		Optional<byte[]> content = download.flatMap(found -> this.files.content(found.storedFileId()));
		if (content.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, NOT_FOUND);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, download.get().detectedType())
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(download.get().name()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(content.get());
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

	private static ResponseEntity<byte[]> problem(HttpStatus status, String text) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

}
