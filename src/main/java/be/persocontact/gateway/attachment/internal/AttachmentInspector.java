package be.persocontact.gateway.attachment.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.AttachmentSettings;
import be.persocontact.gateway.attachment.IncomingFile;
import be.persocontact.gateway.attachment.RefusalReason;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ordered checks every file passes, cheapest first: count, size, true type and allow-list,
 * archive expansion, then the (time-limited) parser. A TNEF container is replaced by the files it
 * carries, each checked the same way. Nothing here touches the database.
 */
public final class AttachmentInspector implements AutoCloseable {

	private final TrueTypes types;

	private final TextExtractor extractor;

	private final ArchiveExpansion archives;

	private final AttachmentSettings settings;

	private final Set<String> allowed;

	/** The metrics, when the inspector is measured; null otherwise. */
	private Measured measured;

	public AttachmentInspector(TrueTypes types, TextExtractor extractor, ArchiveExpansion archives,
			AttachmentSettings settings) {
		this.types = types;
		this.extractor = extractor;
		this.archives = archives;
		this.settings = settings;
		this.allowed = settings.allowedTypeSet();
	}

	/** The pipeline with its production parts: Tika behind the allow-list, character and time limits. */
	public static AttachmentInspector standard(AttachmentSettings settings, TextExtractor parser) {
		TextExtractor guarded = new TimeLimited(
				new CharacterLimited(new AllowedTypesOnly(parser, settings.allowedTypeSet()), settings.maxTextChars()),
				settings.parseTimeout(), settings.parseWorkers());
		return new AttachmentInspector(new TrueTypes(), guarded, new ArchiveExpansion(settings.maxNestingDepth(),
				settings.maxExpansionRatio(), settings.maxExpandedSize().toBytes()), settings);
	}

	/** As {@link #standard(AttachmentSettings, TextExtractor)}, timing the parser and counting refusals. */
	public static AttachmentInspector standard(AttachmentSettings settings, TextExtractor parser,
			MeterRegistry registry) {
		Measured measured = new Measured(parser, registry);
		AttachmentInspector inspector = standard(settings, measured);
		inspector.measured = measured;
		return inspector;
	}

	public static TextExtractor tika(AttachmentSettings settings) {
		return new TikaTextExtractor(settings.maxTextChars(), settings.maxMessageSize().toBytes());
	}

	public List<InspectedFile> inspect(List<IncomingFile> files) {
		Budget budget = new Budget();
		List<InspectedFile> out = new ArrayList<>();
		for (IncomingFile file : files) {
			inspect(file, null, 0, budget, out);
		}
		if (this.measured != null) {
			this.measured.count(out);
		}
		return out;
	}

	private void inspect(IncomingFile file, String containedIn, int depth, Budget budget, List<InspectedFile> out) {
		String name = FileNames.sanitise(file.name());
		long size = file.size();
		if (++budget.files > this.settings.maxFiles()) {
			out.add(refused(name, file, RefusalReason.TOO_MANY, null, containedIn, null));
			return;
		}
		if (depth > this.settings.maxNestingDepth()) {
			out.add(refused(name, file, RefusalReason.TOO_DEEP, null, containedIn, null));
			return;
		}
		if (file.unreadable() != null) {
			out.add(refused(name, file, RefusalReason.UNREADABLE, null, containedIn, null));
			return;
		}
		if (size == 0) {
			out.add(refused(name, file, RefusalReason.EMPTY, null, containedIn, null));
			return;
		}
		if (size > this.settings.maxFileSize().toBytes()
				|| budget.bytes + size > this.settings.maxMessageSize().toBytes()) {
			out.add(refused(name, file, RefusalReason.TOO_LARGE, null, containedIn, null));
			return;
		}
		budget.bytes += size;
		String sha256 = sha256(file.content());
		TrueTypes.Detected detected = this.types.detect(file.content(), file.name(), file.declaredType());
		String type = detected.type();
		RefusalReason typeProblem = typeProblem(detected);
		if (typeProblem != null) {
			out.add(refused(name, file, typeProblem, type, containedIn, sha256));
			return;
		}
		if (this.types.isZipBased(type)) {
			ArchiveExpansion.Verdict verdict = this.archives.check(file.content());
			if (verdict != ArchiveExpansion.Verdict.FINE) {
				out.add(refused(name, file, verdict == ArchiveExpansion.Verdict.BOMB ? RefusalReason.BOMB
						: RefusalReason.UNREADABLE, type, containedIn, sha256));
				return;
			}
		}
		ExtractedContent content;
		try {
			content = this.extractor.extract(file.content(), type);
		}
		catch (ExtractionRefused refused) {
			out.add(refused(name, file, refused.reason(), type, containedIn, sha256));
			return;
		}
		if (TrueTypes.TNEF.equals(type) && !content.embedded().isEmpty()) {
			// winmail.dat means nothing to the requester: its files take its place
			budget.files--;
			budget.bytes -= size;
			for (ExtractedContent.EmbeddedFile inner : content.embedded()) {
				IncomingFile unpacked = inner.bytes() == null ? null
						: new IncomingFile(inner.name(), inner.declaredType(), inner.bytes());
				if (unpacked == null) {
					out.add(new InspectedFile(new AttachmentReceipt(null, FileNames.sanitise(inner.name()), false,
							RefusalReason.TOO_LARGE, null, null, 0, null, name, null), inner.declaredType(), null,
							null));
					continue;
				}
				inspect(unpacked, name, depth + 1, budget, out);
			}
			return;
		}
		List<String> contents = TrueTypes.RFC822.equals(type)
				? content.embedded().stream().map(inner -> FileNames.sanitise(inner.name())).toList() : List.of();
		out.add(new InspectedFile(new AttachmentReceipt(null, name, true, null, type, content.pages(), size, sha256,
				containedIn, contents), file.declaredType(), file.content(), content));
	}

	private RefusalReason typeProblem(TrueTypes.Detected detected) {
		String type = detected.type();
		if (type.equals("application/x-tika-ooxml-protected") || type.equals("application/x-tika-msoffice-encrypted")) {
			return RefusalReason.ENCRYPTED;
		}
		if (this.allowed.contains(type)) {
			return null;
		}
		// a disguise is worth its own reason: the requester believes they sent what the name says
		return detected.mismatch() && this.allowed.contains(detected.claimed()) ? RefusalReason.TYPE_MISMATCH
				: RefusalReason.NOT_ALLOWED_TYPE;
	}

	private static InspectedFile refused(String name, IncomingFile file, RefusalReason reason, String type,
			String containedIn, String sha256) {
		return new InspectedFile(new AttachmentReceipt(null, name, false, reason, type, null, file.size(),
				sha256, containedIn, null), file.declaredType(),
				null, null);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the parser workers. */
	@Override
	public void close() {
		if (this.extractor instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static final class Budget {

		int files;

		long bytes;

	}

}
