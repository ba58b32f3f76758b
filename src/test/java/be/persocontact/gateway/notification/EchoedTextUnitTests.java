package be.persocontact.gateway.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EchoedTextUnitTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Bevestig via https://evil.example/login nu | Bevestig via […] nu",
			"Klik op www.loon-check.be aub | Klik op […] aub",
			"Uw loon: loon-portaal.com/login | Uw loon: […]",
			"Zie hxxp://evil.example | Zie […]",
			"mailto:ceo@evil.example schrijven | […] schrijven",
			"Medisch attest 12.05.2026 v1.2 | Medisch attest 12.05.2026 v1.2",
			"Attest voor Dr. Janssens | Attest voor Dr. Janssens",
			"Mijn adres is anna@example.org | Mijn adres is anna@example.org" })
	void linksAndHostNamesInASubjectAreNotRepeatedButOrdinaryWordsAre(String subject, String echoed) {
		assertThat(EchoedText.withoutLinks(subject)).isEqualTo(echoed);
	}

}
