package be.persocontact.gateway.ticket;

/**
 * A requester's mail read as accepting or refusing the proposed solution, but without the proof a
 * decision needs ({@link SenderProof#REPLY_ADDRESS}): its text was added, the ticket did not move, and the
 * requester is to be told how to decide.
 */
public record SolutionAnswerSetAside(TicketNumber number, boolean accepting) {
}
