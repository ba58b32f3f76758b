package be.persocontact.gateway.attachment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import be.persocontact.gateway.attachment.internal.AttachmentInspector;
import be.persocontact.gateway.attachment.internal.InspectedFile;

import org.springframework.util.unit.DataSize;

/**
 * Runs one file through the real pipeline in its own JVM, so that a test can choose the heap. Prints
 * the receipt and the peak heap in use, and exits 0 only when the file was accepted.
 */
public final class LargeAttachmentProbe {

	private LargeAttachmentProbe() {
	}

	public static void main(String[] args) throws Exception {
		byte[] content = Files.readAllBytes(Path.of(args[0]));
		AttachmentSettings settings = new AttachmentSettings(null, DataSize.ofMegabytes(30), DataSize.ofMegabytes(30),
				30, 100_000, 3, 100, DataSize.ofMegabytes(200), Duration.ofSeconds(60), 1);
		try (AttachmentInspector inspector = AttachmentInspector.standard(settings, AttachmentInspector.tika(settings))) {
			List<InspectedFile> files = inspector.inspect(List.of(new IncomingFile("groot.pdf", null, content)));
			Runtime runtime = Runtime.getRuntime();
			InspectedFile file = files.get(0);
			System.out.println("RECEIPT " + file.receipt());
			System.out.println("TEXT " + (file.extracted() == null ? "" : file.extracted().text().length()));
			System.out.println("MAXHEAP " + runtime.maxMemory() / (1024 * 1024) + " MB");
			System.exit(file.accepted() ? 0 : 1);
		}
	}

}
