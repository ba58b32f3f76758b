/**
 * The HTTP side of the portal: the API the upstream portal calls (bearer-authenticated, answers in
 * JSON and RFC 9457 problem details) and the server-rendered pages employees reach through a signed link.
 */
package be.persocontact.gateway.portal.web;
