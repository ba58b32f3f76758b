/**
 * The request portal as a channel: the upstream HR portal posts form submissions (values and files)
 * that become tickets exactly like mails do, and employees reach simple server-rendered pages of the
 * same catalogue through a signed link sent to their mailbox. Every submission is stored as JSON with
 * its outcome; an idempotency key makes a re-sent submission harmless. {@code portal.web} holds the
 * HTTP side: the authenticated API for the portal and the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package be.persocontact.gateway.portal;
