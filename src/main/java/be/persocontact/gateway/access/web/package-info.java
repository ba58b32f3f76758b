/**
 * The operator API of the access module ({@code /api/ops/links}, behind the operator token): withdraw
 * the links of a ticket, an address or a queue, and read the revocation log.
 */
package be.persocontact.gateway.access.web;
