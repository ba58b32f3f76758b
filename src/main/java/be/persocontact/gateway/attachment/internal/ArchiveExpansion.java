package be.persocontact.gateway.attachment.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Measures how far a zip-based file (DOCX, ODT, XLSX, zip) really expands, by inflating it into
 * nothing with a budget, before any parser sees it. Declared sizes in a zip can lie; inflated bytes
 * cannot. Nested zips are followed as streams, so a 42.zip costs at most the budget, never its
 * petabytes.
 */
public final class ArchiveExpansion {

	private static final int MAX_ENTRIES = 10_000;

	private static final long SMALL_ENOUGH_TO_IGNORE_RATIO = 10L * 1024 * 1024;

	private final int maxDepth;

	private final long maxRatio;

	private final long maxExpanded;

	public ArchiveExpansion(int maxDepth, long maxRatio, long maxExpanded) {
		this.maxDepth = maxDepth;
		this.maxRatio = maxRatio;
		this.maxExpanded = maxExpanded;
	}

	public Verdict check(byte[] zip) {
		Count count = new Count();
		try {
			walk(new ByteArrayInputStream(zip), 1, count);
		}
		catch (TooMuch ex) {
			return Verdict.BOMB;
		}
		catch (IOException | IllegalArgumentException ex) {
			return Verdict.UNREADABLE;
		}
		if (count.bytes > SMALL_ENOUGH_TO_IGNORE_RATIO && count.bytes > this.maxRatio * zip.length) {
			return Verdict.BOMB;
		}
		return Verdict.FINE;
	}

	private void walk(InputStream in, int depth, Count count) throws IOException {
		if (depth > this.maxDepth) {
			throw new TooMuch();
		}
		ZipInputStream zip = new ZipInputStream(in);
		byte[] buffer = new byte[64 * 1024];
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			if (++count.entries > MAX_ENTRIES) {
				throw new TooMuch();
			}
			BufferedInputStream entryStream = new BufferedInputStream(zip, 8);
			entryStream.mark(4);
			byte[] magic = entryStream.readNBytes(4);
			entryStream.reset();
			if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
				walk(entryStream, depth + 1, count);
				continue;
			}
			for (int read = entryStream.read(buffer); read >= 0; read = entryStream.read(buffer)) {
				count.bytes += read;
				if (count.bytes > this.maxExpanded) {
					throw new TooMuch();
				}
				if (Thread.currentThread().isInterrupted()) {
					throw new TooMuch();
				}
			}
		}
	}

	public enum Verdict {

		FINE, BOMB, UNREADABLE

	}

	private static final class Count {

		long bytes;

		int entries;

	}

	private static final class TooMuch extends RuntimeException {

		TooMuch() {
			super(null, null, false, false);
		}

	}

}
