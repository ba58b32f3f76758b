package be.persocontact.gateway.intake;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderAddressUnitTests {

	@Test
	void aUsableFromIsTheSender() {
		SenderAddress sender = SenderAddress.resolve(List.of("Anna Peeters <anna@example.org>"),
				List.of("secretariaat@example.org"), List.of("<bounces@example.org>"));

		assertThat(sender).isEqualTo(new SenderAddress("anna@example.org", "Anna Peeters", SenderAddress.Source.FROM));
	}

	@Test
	void withoutAUsableFromTheSenderHeaderIsTheSender() {
		SenderAddress sender = SenderAddress.resolve(List.of("Formulierentool Personeelsdienst"),
				List.of("Pieter Claes <pieter.claes@example.org>"), List.of("<bounces@example.org>"));

		assertThat(sender).isEqualTo(new SenderAddress("pieter.claes@example.org", "Pieter Claes",
				SenderAddress.Source.SENDER));
	}

	@Test
	void withNeitherTheReturnPathTheServerWroteIsTheSender() {
		SenderAddress sender = SenderAddress.resolve(List.of(), List.of("scanner01"), List.of("<lena@example.de>"));

		assertThat(sender).isEqualTo(new SenderAddress("lena@example.de", null, SenderAddress.Source.RETURN_PATH));
	}

	@Test
	void theNullReturnPathIsNeverASenderNorIsAnOlderReturnPathBelowIt() {
		assertThat(SenderAddress.resolve(List.of(), List.of(), List.of("<>"))).isNull();
		assertThat(SenderAddress.resolve(List.of(), List.of(), List.of("<>", "<someone@example.org>"))).isNull();
	}

	@Test
	void withNoUsableAddressAnywhereThereIsNoSender() {
		assertThat(SenderAddress.resolve(List.of("undisclosed-recipients:;"), List.of("jan@@example..org"),
				List.of("<localpart>"))).isNull();
		assertThat(SenderAddress.resolve(List.of(), List.of(), List.of())).isNull();
	}

}
