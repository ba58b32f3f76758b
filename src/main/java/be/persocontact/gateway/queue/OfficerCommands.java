package be.persocontact.gateway.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.persocontact.gateway.ticket.TicketStatus;

/**
 * The commands on the first lines of an officer's reply, and the text below them. A line is a command
 * line when it starts with {@code #} and a word; blank lines between them are skipped; the first other
 * line starts the text. Problems (an unknown command, a queue that does not exist, two commands that
 * contradict each other, a command the ticket's status does not allow) are collected, never guessed
 * around: the officer is told and nothing changes.
 */
record OfficerCommands(boolean take, boolean pending, boolean resolve, boolean internal, String queue, String text,
		List<String> problems) {

	private static final Pattern COMMAND = Pattern.compile("^#([\\p{L}-]+)\\b[ \\t]*(.*)$");

	static OfficerCommands parse(String reply, Set<String> queues, TicketStatus status) {
		String[] lines = (reply == null ? "" : reply.replace("\r\n", "\n").replace('\r', '\n')).split("\n", -1);
		boolean take = false;
		boolean pending = false;
		boolean resolve = false;
		boolean internal = false;
		String queue = null;
		List<String> problems = new ArrayList<>();
		int line = 0;
		for (; line < lines.length; line++) {
			String current = lines[line].strip();
			if (current.isEmpty()) {
				continue;
			}
			Matcher command = COMMAND.matcher(current);
			if (!command.matches()) {
				break;
			}
			String name = command.group(1).toLowerCase(Locale.ROOT);
			String argument = command.group(2).strip();
			switch (name) {
				case "take" -> take = true;
				case "pending" -> pending = true;
				case "resolve" -> resolve = true;
				case "internal" -> internal = true;
				case "queue" -> {
					String code = argument.split("\\s+")[0].toLowerCase(Locale.ROOT);
					if (code.isEmpty()) {
						problems.add("#queue: name the queue, one of " + String.join(", ", queues));
					}
					else if (!queues.contains(code)) {
						problems.add("#queue " + code + ": no such queue; the queues are " + String.join(", ", queues));
					}
					else {
						queue = code;
					}
				}
				default -> problems.add("#" + name + ": unknown command; the commands are #take, #pending, #resolve, "
						+ "#queue <code> and #internal");
			}
		}
		StringBuilder text = new StringBuilder();
		for (int rest = line; rest < lines.length; rest++) {
			text.append(lines[rest]).append('\n');
		}
		String body = text.toString().strip();
		if (pending && resolve) {
			problems.add("#pending and #resolve: choose one; a ticket cannot wait for information and for acceptance at once");
		}
		if (internal && (pending || resolve)) {
			problems.add("#internal with #" + (pending ? "pending" : "resolve")
					+ ": the text cannot be an internal note and go to the requester; send two replies");
		}
		if (pending && body.isEmpty()) {
			problems.add("#pending: write your question to the requester below the commands");
		}
		if (internal && body.isEmpty()) {
			problems.add("#internal: write the note below the commands");
		}
		if (status.isClosed()) {
			problems.add("the ticket is closed; nothing can be done on it any more");
		}
		else {
			if (pending && !(status == TicketStatus.OPEN || status == TicketStatus.ASSIGNED
					|| status == TicketStatus.WORK_IN_PROGRESS)) {
				problems.add("#pending: the ticket is " + status + ", not in work");
			}
			if (resolve && status == TicketStatus.AWAITING_ACCEPTANCE) {
				problems.add("#resolve: a solution already awaits the requester's answer");
			}
		}
		boolean nothing = !take && !pending && !resolve && !internal && queue == null && body.isEmpty();
		if (nothing && problems.isEmpty()) {
			problems.add("the reply holds no command and no text");
		}
		return new OfficerCommands(take, pending, resolve, internal, queue, body, List.copyOf(problems));
	}

	boolean valid() {
		return this.problems.isEmpty();
	}

	/** The commands as the officer wrote them, for the inbound record. */
	String summary() {
		List<String> names = new ArrayList<>();
		if (this.take) {
			names.add("#take");
		}
		if (this.pending) {
			names.add("#pending");
		}
		if (this.resolve) {
			names.add("#resolve");
		}
		if (this.internal) {
			names.add("#internal");
		}
		if (this.queue != null) {
			names.add("#queue " + this.queue);
		}
		if (names.isEmpty()) {
			names.add("answer");
		}
		return String.join(" ", names);
	}

}
