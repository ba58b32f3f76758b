/**
 * The ticket: an HR request with its number ({@code HRB0001167}), requester, status and timeline.
 * The {@link be.persocontact.gateway.ticket.Ticket} aggregate guards the legal status transitions;
 * {@link be.persocontact.gateway.ticket.TicketManagement} is the module's API for every channel.
 * This module knows nothing of mail, Camel or Tika: channels hand it plain values.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package be.persocontact.gateway.ticket;
