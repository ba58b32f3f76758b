package be.persocontact.gateway.attachment;

import be.persocontact.gateway.attachment.internal.FileNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesUnitTests {

	@Test
	void aPathInANameIsDroppedWhateverItsSeparator() {
		assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitise("C:\\Users\\anna\\attest.pdf")).isEqualTo("attest.pdf");
	}

	@Test
	void controlAndBidiCharactersCannotDisguiseAnExtension() {
		assertThat(FileNames.sanitise("attest\u202Efdp.exe")).isEqualTo("attestfdp.exe");
		assertThat(FileNames.sanitise("a\r\nb\u0000.pdf")).isEqualTo("ab.pdf");
	}

	@Test
	void characterssFileSystemsRefuseBecomeUnderscoresAndAccentsStay() {
		assertThat(FileNames.sanitise("attest: \"ziekte\"?.pdf")).isEqualTo("attest_ _ziekte__.pdf");
		assertThat(FileNames.sanitise("Gezinssamenstelling Müller – été.pdf")).isEqualTo("Gezinssamenstelling Müller – été.pdf");
	}

	@Test
	void anEmptyOrDotsOnlyNameGetsAPlainNameAndALongOneKeepsItsExtension() {
		assertThat(FileNames.sanitise(null)).isEqualTo("attachment");
		assertThat(FileNames.sanitise(" ... ")).isEqualTo("attachment");
		String longName = "a".repeat(400) + ".pdf";
		assertThat(FileNames.sanitise(longName)).hasSize(180).endsWith(".pdf");
	}

}
