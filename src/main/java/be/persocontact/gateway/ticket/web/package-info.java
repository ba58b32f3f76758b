/**
 * The web adapter of the ticket module: the read-only view a requester reaches through a signed link.
 */
package be.persocontact.gateway.ticket.web;
