package be.persocontact.gateway.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFilesUnitTests {

	@TempDir
	Path dir;

	@Test
	void aSecretIsGeneratedOnceReadableOnlyByUsAndReadBackOnEveryLaterStart() throws Exception {
		Path file = this.dir.resolve("data").resolve("link-secret");
		AtomicInteger generated = new AtomicInteger();

		String first = SecretFiles.readOrCreate(file, () -> "secret-" + generated.incrementAndGet(), "test secret");
		String again = SecretFiles.readOrCreate(file, () -> "secret-" + generated.incrementAndGet(), "test secret");

		assertThat(first).isEqualTo("secret-1").isEqualTo(again);
		assertThat(generated).hasValue(1);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		// nothing half-written is left beside it
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

}
