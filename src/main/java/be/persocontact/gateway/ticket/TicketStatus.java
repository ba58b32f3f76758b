package be.persocontact.gateway.ticket;

import java.util.EnumSet;
import java.util.Set;

/** The six statuses of DESIGN.md and the only transitions between them that are legal. */
public enum TicketStatus {

	OPEN, ASSIGNED, WORK_IN_PROGRESS, PENDING, AWAITING_ACCEPTANCE, CLOSED_COMPLETE;

	public Set<TicketStatus> successors() {
		return switch (this) {
			case OPEN -> EnumSet.of(ASSIGNED);
			case ASSIGNED -> EnumSet.of(WORK_IN_PROGRESS);
			case WORK_IN_PROGRESS -> EnumSet.of(PENDING, AWAITING_ACCEPTANCE);
			case PENDING -> EnumSet.of(WORK_IN_PROGRESS);
			case AWAITING_ACCEPTANCE -> EnumSet.of(CLOSED_COMPLETE, WORK_IN_PROGRESS);
			case CLOSED_COMPLETE -> EnumSet.noneOf(TicketStatus.class);
		};
	}

	public boolean canMoveTo(TicketStatus target) {
		return successors().contains(target);
	}

	public boolean isClosed() {
		return this == CLOSED_COMPLETE;
	}

}
