package be.persocontact.gateway.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationResultsUnitTests {

	@Test
	void microsoftsResultsGiveTheServerAndTheDmarcVerdictWithItsHeaderFrom() {
		AuthenticationResults results = AuthenticationResults.parse("spf=pass (sender IP is 192.0.2.1) "
				+ "smtp.mailfrom=example.org; dkim=pass (signature was verified) header.d=example.org;dmarc=pass "
				+ "action=none header.from=example.org;compauth=pass reason=100").orElseThrow();

		// Exchange Online writes no authserv-id: the first word is then taken as one, and is never trusted
		assertThat(results.authservId()).isEqualTo("spf=pass");
		AuthenticationResults withId = AuthenticationResults.parse("mx.persocontact.local; dkim=pass "
				+ "header.d=example.org; dmarc=pass action=none header.from=Example.ORG").orElseThrow();
		assertThat(withId.authservId()).isEqualTo("mx.persocontact.local");
		assertThat(withId.first("dmarc").orElseThrow().result()).isEqualTo("pass");
		assertThat(withId.first("dmarc").orElseThrow().property("header.from")).isEqualTo("Example.ORG");
	}

	@Test
	void commentsVersionsQuotedValuesAndFoldingDoNotConfuseTheReading() {
		AuthenticationResults results = AuthenticationResults.parse("mx.persocontact.local 1; "
				+ "dkim=pass (1024-bit key; unprotected) header.d=example.org header.i=@example.org "
				+ "header.b=\"ab;cd\"; spf=pass (mx.persocontact.local: domain of a@example.org designates "
				+ "192.0.2.1 as permitted sender) smtp.mailfrom=a@example.org;\r\n\t dmarc = fail "
				+ "(p=REJECT sp=REJECT dis=NONE) header.from=example.org").orElseThrow();

		assertThat(results.authservId()).isEqualTo("mx.persocontact.local");
		assertThat(results.results()).extracting(AuthenticationResults.Result::method)
			.containsExactly("dkim", "spf", "dmarc");
		assertThat(results.first("dkim").orElseThrow().property("header.b")).isEqualTo("ab;cd");
		assertThat(results.first("dmarc").orElseThrow().result()).isEqualTo("fail");
		assertThat(results.first("dmarc").orElseThrow().property("header.from")).isEqualTo("example.org");
	}

	@Test
	void aHeaderWithNoResultsOrNothingReadableHasNoDmarcVerdict() {
		assertThat(AuthenticationResults.parse("mx.persocontact.local; none").orElseThrow().first("dmarc")).isEmpty();
		assertThat(AuthenticationResults.parse("   ")).isEmpty();
		assertThat(AuthenticationResults.parse(null)).isEmpty();
		// a comment that never closes hides what follows rather than inventing a pass
		assertThat(AuthenticationResults.parse("mx.persocontact.local; (dmarc=pass header.from=example.org")
			.orElseThrow()
			.first("dmarc")).isEmpty();
	}

}
