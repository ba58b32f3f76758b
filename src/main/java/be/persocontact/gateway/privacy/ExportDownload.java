package be.persocontact.gateway.privacy;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A subject-access export as the zip download the operator API and the console both hand out. */
public final class ExportDownload {

	private ExportDownload() {
	}

	public static ResponseEntity<StreamingResponseBody> of(SubjectAccess.Export export) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("subject-access-" + export.requestId() + ".zip")
				.build()
				.toString())
			// personal data: no browser or proxy keeps a copy
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(export::writeTo);
	}

}
