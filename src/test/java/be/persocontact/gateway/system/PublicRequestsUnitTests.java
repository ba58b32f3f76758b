package be.persocontact.gateway.system;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which limit a request counts against, and which client it counts as. */
class PublicRequestsUnitTests {

	@Test
	void pagesFormsLinkRequestsAndApisEachHaveTheirLimit() {
		for (String page : new String[] { "/t/x", "/me/x", "/a/x", "/r/x", "/o/x", "/d/x", "/portal/link", "/portal/x/forms/y" }) {
			assertThat(PublicRateLimits.kindOf("GET", page)).as(page).contains(PublicRateLimits.Kind.PAGES);
		}
		assertThat(PublicRateLimits.kindOf("POST", "/a/x")).contains(PublicRateLimits.Kind.FORM_POSTS);
		assertThat(PublicRateLimits.kindOf("POST", "/portal/x/forms/y")).contains(PublicRateLimits.Kind.FORM_POSTS);
		assertThat(PublicRateLimits.kindOf("POST", "/portal/link")).contains(PublicRateLimits.Kind.LINK_REQUESTS);
		assertThat(PublicRateLimits.kindOf("POST", "/api/portal/submissions")).contains(PublicRateLimits.Kind.API);
		assertThat(PublicRateLimits.kindOf("GET", "/api/portal/tickets")).contains(PublicRateLimits.Kind.API);
		assertThat(PublicRateLimits.kindOf("GET", "/api/ops/inbound")).as("counted by its wrong tokens").isEmpty();
		assertThat(PublicRateLimits.kindOf("GET", "/css/view.css")).isEqualTo(Optional.empty());
		assertThat(PublicRateLimits.kindOf("GET", "/actuator/health")).isEmpty();
	}

	@Test
	void anIpv6ClientCountsByItsSlash64NetworkAnIpv4ClientByItsAddress() {
		assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo(ClientAddress.of("2001:db8:1:2::7"))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.of("2001:db8:1:3::7")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::7"));
		assertThat(ClientAddress.of("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientAddress.of((String) null)).isEqualTo("unknown");
	}

}
