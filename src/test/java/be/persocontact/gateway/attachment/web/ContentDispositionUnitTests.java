package be.persocontact.gateway.attachment.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionUnitTests {

	@Test
	void aNameWithAccentsGetsAnAsciiFallbackAndAnExactRfc8187Name() {
		assertThat(AttachmentDownloadController.contentDisposition("attest médical \"Müller\".pdf"))
			.isEqualTo("attachment; filename=\"attest medical _Muller_.pdf\"; "
					+ "filename*=UTF-8''attest%20m%C3%A9dical%20%22M%C3%BCller%22.pdf");
	}

	@Test
	void aPlainNameIsUnchangedInBothForms() {
		assertThat(AttachmentDownloadController.contentDisposition("attest.pdf"))
			.isEqualTo("attachment; filename=\"attest.pdf\"; filename*=UTF-8''attest.pdf");
	}

}
