package be.persocontact.gateway.mime.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.ReadNote;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * The second reader, for mail Angus Mail could not split: Apache James mime4j in permissive mode,
 * silent about every defect, bodies left encoded (decoded by {@link TransferDecoding} as in the first
 * reader) and forwarded mails kept whole. A multipart in which no part is found keeps its text as one
 * raw text part: the third step, for that multipart only.
 */
public final class Mime4jReading {

	/** The parts read, and whether a multipart had to be kept as raw text. */
	public record Result(MailPart root, boolean rawText) {
	}

	private Mime4jReading() {
	}

	public static Result read(byte[] raw, List<ReadNote> notes) throws StructureUnreadable {
		MimeStreamParser parser = new MimeStreamParser(
				MimeConfig.copy(MimeConfig.PERMISSIVE).setMaxNestingDepth(Parts.MAX_DEPTH).build(),
				DecodeMonitor.SILENT, null);
		parser.setContentDecoding(false);
		parser.setNoRecurse();
		Tree tree = new Tree();
		parser.setContentHandler(tree);
		try {
			parser.parse(new ByteArrayInputStream(raw));
		}
		catch (MimeException | IOException | RuntimeException ex) {
			throw new StructureUnreadable(String.valueOf(ex.getMessage()), ex);
		}
		if (tree.root == null) {
			throw new StructureUnreadable("no message found");
		}
		boolean[] rawText = new boolean[1];
		MailPart root = tree.root.toPart("", false, notes, rawText);
		return new Result(root, rawText[0]);
	}

	/** A part as the parser reports it, before it is decoded. */
	private static final class Node {

		final List<MailPart.Header> headers = new ArrayList<>();

		final List<Node> children = new ArrayList<>();

		boolean multipart;

		byte[] body = new byte[0];

		byte[] preamble = new byte[0];

		MailPart toPart(String path, boolean inDigest, List<ReadNote> notes, boolean[] rawText) {
			String where = Parts.describe(path);
			HeaderValue type = Parts.contentType(this.headers, inDigest, where, notes);
			if (!type.value().startsWith("multipart/")) {
				return Parts.leaf(this.headers, type, this.body, where, notes);
			}
			List<MailPart> parts = new ArrayList<>();
			for (int i = 0; i < this.children.size(); i++) {
				parts.add(this.children.get(i)
					.toPart(Parts.child(path, i), type.value().equals("multipart/digest"), notes, rawText));
			}
			// without a boundary mime4j reads the multipart as one body; with one it never finds, as preamble
			byte[] text = this.multipart ? this.preamble : this.body;
			if (parts.isEmpty() && !new String(text, StandardCharsets.ISO_8859_1).isBlank()) {
				notes.add(ReadNote.damaged(where + ": no part found in the multipart; its text is shown as it stands"));
				parts.add(Parts.rawText(text, type.parameter("charset")));
				rawText[0] = true;
			}
			return Parts.multipart(this.headers, type, parts);
		}

	}

	/** Builds the nodes from the parser's events. */
	private static final class Tree extends AbstractContentHandler {

		private final Deque<Node> open = new ArrayDeque<>();

		private Node root;

		@Override
		public void startMessage() {
			Node node = new Node();
			if (this.open.isEmpty()) {
				this.root = node;
			}
			else {
				this.open.peek().children.add(node);
			}
			this.open.push(node);
		}

		@Override
		public void endMessage() {
			this.open.pop();
		}

		@Override
		public void startBodyPart() {
			Node node = new Node();
			this.open.peek().children.add(node);
			this.open.push(node);
		}

		@Override
		public void endBodyPart() {
			this.open.pop();
		}

		@Override
		public void field(Field field) {
			this.open.peek().headers.add(new MailPart.Header(field.getName(), value(field)));
		}

		@Override
		public void startMultipart(BodyDescriptor descriptor) {
			this.open.peek().multipart = true;
		}

		@Override
		public void preamble(InputStream in) throws IOException {
			this.open.peek().preamble = in.readAllBytes();
		}

		@Override
		public void body(BodyDescriptor descriptor, InputStream in) throws IOException {
			this.open.peek().body = in.readAllBytes();
		}

		/** The value as UTF-8 when it is, else windows-1252, unfolded: as the first reader reads it. */
		private static String value(Field field) {
			if (field.getRaw() == null) {
				return field.getBody() == null ? "" : field.getBody();
			}
			String line = Bytes.text(field.getRaw().toByteArray());
			int colon = line.indexOf(':');
			return (colon < 0 ? line : line.substring(colon + 1)).replaceAll("\r?\n|\r", "").strip();
		}

	}

}
