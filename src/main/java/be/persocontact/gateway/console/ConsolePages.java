package be.persocontact.gateway.console;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: the name the operator logged in under. */
@ControllerAdvice(assignableTypes = { ConsoleMailController.class, ConsolePrivacyController.class })
class ConsolePages {

	@ModelAttribute("operatorName")
	String operatorName(Principal operator) {
		return operator == null ? null : operator.getName();
	}

}
