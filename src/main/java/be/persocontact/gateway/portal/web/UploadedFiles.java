package be.persocontact.gateway.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import be.persocontact.gateway.intake.LargeMails;
import be.persocontact.gateway.portal.SubmissionManagement;
import be.persocontact.gateway.portal.SubmittedFile;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a request, handed to a submission. The servlet container keeps uploads on disk; they are
 * read into memory only when the portal's limits allow them all (a refusal needs their names and sizes,
 * not their bytes), and a large submission is read and submitted when no large mail is in memory on this
 * instance ({@link LargeMails}): its files are the mail. So a submission of any size neither runs the
 * heap out of memory nor fails without saying which field is wrong.
 */
@Component
class UploadedFiles {

	private final SubmissionManagement submissions;

	private final LargeMails largeMails;

	UploadedFiles(SubmissionManagement submissions, LargeMails largeMails) {
		this.submissions = submissions;
		this.largeMails = largeMails;
	}

	<T> T submitWith(List<MultipartFile> uploads, Function<List<SubmittedFile>, T> submit) {
		List<SubmittedFile> declared = uploads.stream()
			.map(upload -> SubmittedFile.unread(upload.getOriginalFilename(), upload.getContentType(), upload.getSize()))
			.toList();
		if (!this.submissions.withinLimits(declared)) {
			return submit.apply(declared);
		}
		long size = uploads.stream().mapToLong(MultipartFile::getSize).sum();
		try (LargeMails.Permit inMemory = this.largeMails.enter(size)) {
			return submit.apply(uploads.stream().map(UploadedFiles::read).toList());
		}
	}

	private static SubmittedFile read(MultipartFile upload) {
		try {
			return new SubmittedFile(upload.getOriginalFilename(), upload.getContentType(), upload.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
