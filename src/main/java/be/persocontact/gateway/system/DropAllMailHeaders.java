package be.persocontact.gateway.system;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

import org.springframework.stereotype.Component;

/**
 * Maps no header in either direction. camel-mail would otherwise turn every MIME header of an inbound
 * mail into a Camel header, and some Camel headers steer the consumer ({@code CamelMailMoveTo}, {@code CamelMailCopyTo},
 * {@code CamelMailDelete}) or the body ({@code CamelMailAlternativeBody}): a sender must never steer us.
 */
@Component("dropAllMailHeaders")
public class DropAllMailHeaders implements HeaderFilterStrategy {

	@Override
	public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
		return true;
	}

	@Override
	public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
		return true;
	}

}
