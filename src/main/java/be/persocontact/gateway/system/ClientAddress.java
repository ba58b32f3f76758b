package be.persocontact.gateway.system;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a request is counted against: the address of the TCP peer, as the servlet container gives
 * it. Behind a reverse proxy that is the proxy, unless Tomcat was told to trust that proxy
 * ({@code GATEWAY_TRUSTED_PROXIES}): only then does it take the client from {@code X-Forwarded-For}.
 * A header a client sends itself is never believed. An IPv6 client counts by its /64 network, since one
 * subscriber holds a whole /64 and could otherwise change address for every request.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(HttpServletRequest request) {
		return of(request.getRemoteAddr());
	}

	static String of(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.isBlank()) {
			return "unknown";
		}
		if (remoteAddress.indexOf(':') < 0) {
			return remoteAddress;
		}
		try {
			// a literal address: no name is looked up
			InetAddress address = InetAddress.getByName(remoteAddress);
			if (address instanceof Inet6Address) {
				byte[] network = Arrays.copyOf(address.getAddress(), 16);
				Arrays.fill(network, 8, 16, (byte) 0);
				return InetAddress.getByAddress(network).getHostAddress() + "/64";
			}
			return address.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return remoteAddress;
		}
	}

}
