/**
 * Officer queues: who handles what, and how officers work from their mail client. Queues and their
 * officers are configuration ({@code gateway.queues.location}, checked at start-up); the routing rules
 * are a Camel route under {@code routes/} that an administrator edits without recompiling
 * ({@link be.persocontact.gateway.queue.TicketRouting}); officers are told of new tickets by mail and
 * answer by replying, with commands on the first lines
 * ({@link be.persocontact.gateway.queue.OfficerReplies}); tickets waiting for their requester are
 * reminded and, without an answer, closed ({@link be.persocontact.gateway.queue.WaitingTickets}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Officer queues")
package be.persocontact.gateway.queue;
