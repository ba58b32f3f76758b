package be.persocontact.gateway.ticket;

/**
 * The requester of a ticket asked, from its page, for a link to all their requests. The link goes to
 * the requester's own mailbox, never to the page that asked: whoever holds one forwarded link sees that
 * ticket, not every case. Published inside the transaction of the request.
 */
public record MyCasesLinkRequested(TicketNumber number, String requesterAddress, String language) {
}
