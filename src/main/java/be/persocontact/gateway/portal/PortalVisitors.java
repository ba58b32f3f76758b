package be.persocontact.gateway.portal;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface PortalVisitors extends Repository<PortalVisitor, Long> {

	PortalVisitor save(PortalVisitor visitor);

	Optional<PortalVisitor> findById(Long id);

	Optional<PortalVisitor> findByAddress(String address);

}
