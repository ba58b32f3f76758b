/**
 * Mail out: every notification is rendered from the templates in {@code mail-templates/} and written
 * to a transactional outbox in the transaction that caused it; the outbox route sends it after commit,
 * retries with backoff while SMTP is down, and keeps its Message-ID so that a re-send is recognisable.
 * Recipients come from the database only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package be.persocontact.gateway.notification;
