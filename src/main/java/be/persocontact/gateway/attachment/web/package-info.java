/**
 * Downloads of accepted attachments behind their own signed links ({@code /a/<token>}).
 */
package be.persocontact.gateway.attachment.web;
