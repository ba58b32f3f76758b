package be.persocontact.gateway.ticket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SolutionAnswerUnitTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Ja                                         | ACCEPT  |
			ja, dank u                                 | ACCEPT  |
			Yes.                                       | ACCEPT  |
			OUI merci                                  | ACCEPT  |
			Akkoord!                                   | ACCEPT  |
			d'accord, merci                            | ACCEPT  |
			D’accord                                   | ACCEPT  |
			Einverstanden                              | ACCEPT  |
			  > quoted first? no: ja                   | NEITHER |
			Nee, het attest vermeldt de verkeerde datum | REFUSE  | het attest vermeldt de verkeerde datum
			non : il manque la deuxième page           | REFUSE  | il manque la deuxième page
			Nein. Falsches Jahr                        | REFUSE  | Falsches Jahr
			No                                         | NEITHER |
			nee                                        | NEITHER |
			Jammer dat het zo lang duurt               | NEITHER |
			ok                                         | NEITHER |
			Neenee ik bedoelde iets anders             | NEITHER |
			Ik ga akkoord                              | NEITHER |
			""")
	void theFirstWordDecidesAndARefusalNeedsAReason(String text, SolutionAnswer.Kind kind, String reason) {
		SolutionAnswer answer = SolutionAnswer.read(text);

		assertThat(answer.kind()).isEqualTo(kind);
		assertThat(answer.reason()).isEqualTo(reason);
	}

}
