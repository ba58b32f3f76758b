package be.persocontact.gateway.portal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The stored submissions. */
public interface PortalSubmissions extends Repository<PortalSubmission, Long> {

	PortalSubmission save(PortalSubmission submission);

	PortalSubmission saveAndFlush(PortalSubmission submission);

	Optional<PortalSubmission> findByDedupKey(String dedupKey);

	/** Form codes by number of tickets they made, most used first. */
	@Query("""
			select s.formCode from PortalSubmission s where s.outcome = :outcome
			group by s.formCode order by count(s) desc, s.formCode""")
	List<String> findMostUsedFormCodes(PortalSubmission.Outcome outcome, Limit limit);

}
