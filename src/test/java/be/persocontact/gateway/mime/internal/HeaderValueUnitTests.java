package be.persocontact.gateway.mime.internal;

import jakarta.mail.internet.ContentType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValueUnitTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "multipart/mixed;; boundary=\"foo\"|foo",
			"multipart/alternative; boundary=----=_Part_1.2|----=_Part_1.2",
			"multipart/alternative; boundary=Apple-Mail/7C2D9E41?part:1|Apple-Mail/7C2D9E41?part:1",
			"multipart/mixed; boundary=\"\"foo\"\"|foo", "multipart/mixed; boundary=\"foo|foo",
			"multipart/mixed; boundary=abc def|abc def", "multipart/mixed; boundary=\"a;b\"; charset=x|a;b",
			"multipart/mixed; boundary=\"a\\\"b\"|a\"b", "multipart/mixed;\tboundary=\"x\";|x",
			"Multipart/Mixed (a comment); BOUNDARY=\"x\"|x" })
	void aBoundaryIsFoundHoweverTheParameterListIsWritten(String header, String boundary) {
		HeaderValue value = HeaderValue.parse(header);

		assertThat(value.value()).isIn("multipart/mixed", "multipart/alternative");
		assertThat(value.parameter("boundary")).isEqualTo(boundary);
	}

	@Test
	void theCanonicalFormIsOneAngusMailParsesBackToTheSameValues() throws Exception {
		HeaderValue value = HeaderValue.parse("multipart/alternative;; boundary=----=_Part_1.2; x-odd=\"a \\\"b\\\"\"");

		ContentType reparsed = new ContentType(value.canonical());

		assertThat(reparsed.getBaseType()).isEqualTo("multipart/alternative");
		assertThat(reparsed.getParameter("boundary")).isEqualTo("----=_Part_1.2");
		assertThat(reparsed.getParameter("x-odd")).isEqualTo("a \"b\"");
	}

	@Test
	void rfc2231FileNamesAndContinuationsAreStillDecoded() {
		assertThat(HeaderValue.parse("attachment;; filename*=UTF-8''Attest%20f%C3%BCr%20J%C3%BCrgen.pdf")
			.parameter("filename")).isEqualTo("Attest für Jürgen.pdf");
		assertThat(HeaderValue.parse("attachment; filename*0=\"loon\"; filename*1=\"fiche.pdf\"").parameter("filename"))
			.isEqualTo("loonfiche.pdf");
	}

	@Test
	void theFirstOfARepeatedParameterCounts() {
		assertThat(HeaderValue.parse("text/plain; charset=utf-8; charset=iso-8859-1").parameter("charset"))
			.isEqualTo("utf-8");
	}

	@Test
	void nothingAtAllIsNull() {
		assertThat(HeaderValue.parse(null)).isNull();
		assertThat(HeaderValue.parse(";;").value()).isEmpty();
	}

}
