package be.persocontact.gateway.queue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped routing rules ({@code routes/ticket-routing.camel.yaml}) run through Camel as in
 * production: each default rule with an example it must catch and a near miss it must leave alone,
 * and the rule text that ends up on the timeline.
 */
class RoutingRulesIntegrationTests extends OfficerMailTestSupport {

	@Autowired
	TicketRouting routing;

	static Stream<Arguments> examples() {
		return Stream.of(
				// sender domain: a health insurance fund writes on the employee's behalf
				Arguments.of("attest@mutualites.example", "Document", "", "", "attestations",
						"health insurance fund: sender domain mutualites.example"),
				Arguments.of("someone@mutualites-fake.example", "Document", "", "", "general",
						"no rule matched: default queue"),
				// births, marriages, cohabitation
				Arguments.of("e@example.org", "Geboorteakte van mijn dochter", "", "", "household",
						"keyword 'geboorteakte' in the subject"),
				Arguments.of("e@example.org", "Acte", "Voici l'extrait d'acte de naissance de mon fils.", "", "household",
						"keyword 'acte de naissance' in the message"),
				Arguments.of("e@example.org", "Geboortedatum verkeerd", "", "", "general", "no rule matched: default queue"),
				// medical certificates, wherever they say so
				Arguments.of("e@example.org", "Scan", "", "CERTIFICAT MÉDICAL d'incapacité de travail", "attestations",
						"keyword 'certificat medical' in the attachment text"),
				Arguments.of("e@example.org", "Ärztliches Attest", "", "", "attestations",
						"keyword 'arztliches attest' in the subject"),
				Arguments.of("e@example.org", "Medicatie terugbetaling", "", "", "general",
						"no rule matched: default queue"),
				// salary: a phrase starts a word ("loon" finds "loonfiche", not "verloning")
				Arguments.of("e@example.org", "Vraag over mijn loonfiche", "", "", "salary",
						"keyword 'loonfiche' in the subject"),
				Arguments.of("e@example.org", "Verloning", "", "", "general", "no rule matched: default queue"),
				// working time and leave
				Arguments.of("e@example.org", "Congé parental", "", "", "working-time-and-leave",
						"keyword 'conge parental' in the subject"),
				Arguments.of("e@example.org", "Congrès", "", "", "general", "no rule matched: default queue"),
				// commuting
				Arguments.of("e@example.org", "Fietsvergoeding", "", "", "commuting", "keyword 'fietsvergoeding' in the subject"),
				Arguments.of("e@example.org", "Fiets gestolen", "", "", "general", "no rule matched: default queue"),
				// HR applications
				Arguments.of("e@example.org", "Mot de passe oublié", "", "", "hr-applications",
						"keyword 'mot de passe' in the subject"),
				Arguments.of("e@example.org", "Passeport", "", "", "general", "no rule matched: default queue"),
				// attestations the employer draws up
				Arguments.of("e@example.org", "Attest van tewerkstelling", "", "", "attestations",
						"keyword 'attest' in the subject"),
				// German without a more specific rule goes to the German-speaking desk; with one, to that queue
				Arguments.of("e@example.org", "Frage", "Ich habe eine Frage zu meiner Situation und bitte um Auskunft.", "",
						"german-speaking", "language de"),
				Arguments.of("e@example.org", "Frage", "Ich habe eine Frage zu meinem Gehalt.", "", "salary",
						"keyword 'gehalt' in the message"),
				Arguments.of("e@example.org", "Vraag", "Ik heb een vraag over mijn situatie en ik wacht op uw antwoord.", "",
						"general", "no rule matched: default queue"));
	}

	@ParameterizedTest(name = "[{index}] {1} / {2} / {3} -> {4}")
	@MethodSource("examples")
	void eachDefaultRuleCatchesItsExampleAndLeavesItsNearMissAlone(String sender, String subject, String message,
			String attachmentText, String queue, String rule) {
		RoutingFacts facts = new RoutingFacts(null, sender,
				LanguageGuess.of(subject + "\n" + message, "nl"), subject, message, attachmentText);

		TicketRouting.Decision decision = this.routing.decide(facts);

		assertThat(decision.queue()).isEqualTo(queue);
		assertThat(decision.rule()).isEqualTo(rule);
	}

}
