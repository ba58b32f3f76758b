/**
 * The SMTP side of the outbox: turns an outbox row into a MIME message for the sending route.
 */
package be.persocontact.gateway.notification.mail;
