package be.persocontact.gateway.portal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An address that asked for a link to the portal pages. The signed link carries this row's id and a
 * keyed tag of the address, never the address itself; the row gives the address back once the link
 * has proven authentic.
 */
@Entity
@DynamicUpdate // an update writes the changed columns only, never a stored mail or body again
@Table(name = "portal_visitor")
class PortalVisitor {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String address;

	@Column(nullable = false)
	private String language;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_link_at")
	private Instant lastLinkAt;

	protected PortalVisitor() {
	}

	PortalVisitor(String address, String language, Instant at) {
		this.address = address;
		this.language = language;
		this.createdAt = at;
	}

	/** Notes a link sent now, unless one was sent less than {@code interval} ago. */
	boolean linkSent(Instant at, java.time.Duration interval) {
		if (this.lastLinkAt != null && this.lastLinkAt.plus(interval).isAfter(at)) {
			return false;
		}
		this.lastLinkAt = at;
		return true;
	}

	void speaks(String language) {
		this.language = language;
	}

	Long id() {
		return this.id;
	}

	String address() {
		return this.address;
	}

	String language() {
		return this.language;
	}

}
