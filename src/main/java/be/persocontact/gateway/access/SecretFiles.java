package be.persocontact.gateway.access;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret the gateway generates for itself on first start and keeps in a file (the link signing key,
 * the embedded portal key). Losing it kills every link already mailed, so it is written durably: a
 * private temporary file, synced, moved into place atomically, and the directory synced, so that a
 * power cut leaves either no file or the whole one, never an empty one.
 */
public final class SecretFiles {

	private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

	private SecretFiles() {
	}

	/** The file's content, or a new secret from the generator written to it. */
	public static String readOrCreate(Path file, Supplier<String> generator, String what) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		String secret = generator.get();
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
		try {
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's own protection has to do
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(secret.getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		syncDirectory(parent);
		log.warn("Generated a new {} in {}. On a first start that is expected; otherwise the earlier file was lost, "
				+ "and whatever depended on it (links in mails already sent) no longer works: restore it from a backup.",
				what, file.toAbsolutePath());
		return secret;
	}

	private static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems cannot open a directory: the move itself is still atomic
		}
	}

}
