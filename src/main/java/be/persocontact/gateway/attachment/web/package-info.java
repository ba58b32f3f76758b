/**
 * Downloads of accepted attachments behind their own signed links ({@code /d/<token>}).
 */
package be.persocontact.gateway.attachment.web;
