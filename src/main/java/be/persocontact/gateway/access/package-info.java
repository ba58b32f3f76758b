/**
 * Signed links and reply addresses: the only way into the pages behind a mail, and the only way a mail
 * acts on a ticket. A token is an HMAC-SHA256 over purpose, ticket, item, recipient, expiry, revocation
 * epochs and key id, verified without a database round trip and compared in constant time. Keys rotate
 * (several verify, one signs); each purpose has its own lifetime; an operator revokes the links of a
 * ticket, a recipient or a queue by bumping its epoch ({@code /api/ops/links}), and every revocation is
 * logged. {@link be.persocontact.gateway.access.LinkManagement} is the one way any link or reply address
 * is opened: a use that opens is written to the access log, one that does not is only counted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package be.persocontact.gateway.access;
