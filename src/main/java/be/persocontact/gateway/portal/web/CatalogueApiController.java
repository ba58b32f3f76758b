package be.persocontact.gateway.portal.web;

import java.util.List;
import java.util.Map;

import be.persocontact.gateway.catalogue.CatalogueManagement;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue for the portal to draw its own pages from, in the language asked for with
 * {@code ?lang=} or {@code Accept-Language}; search looks through all four languages.
 */
@RestController
class CatalogueApiController {

	private final CatalogueManagement catalogue;

	CatalogueApiController(CatalogueManagement catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/portal/catalogue")
	Map<String, Object> themes() {
		String language = language();
		return Map.of("language", language,
				"themes", this.catalogue.themes().stream().map(theme -> CatalogueViews.theme(theme, language)).toList());
	}

	@GetMapping("/api/portal/catalogue/forms/{code}")
	ResponseEntity<CatalogueViews.FormView> form(@PathVariable String code) {
		return ResponseEntity.of(this.catalogue.form(code).map(form -> CatalogueViews.form(form, language())));
	}

	@GetMapping("/api/portal/catalogue/search")
	List<CatalogueViews.FormSummary> search(@RequestParam(defaultValue = "") String q) {
		String language = language();
		return this.catalogue.search(q).stream().map(form -> CatalogueViews.summary(form, language)).toList();
	}

	static String language() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
