/**
 * Signed links: the only way into the pages behind a mail. A token is an HMAC-SHA256 over purpose,
 * ticket, item, recipient, expiry, revocation epochs and key id, verified without a database round
 * trip and compared in constant time. Keys rotate (several verify, one signs); each purpose has its
 * own lifetime; an operator revokes a ticket's or a recipient's links by bumping its epoch; every use
 * of a link, granted or refused, is written to the access log. {@link
 * be.persocontact.gateway.access.LinkManagement} is the module's API for the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package be.persocontact.gateway.access;
