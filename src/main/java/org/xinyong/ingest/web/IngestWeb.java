package org.xinyong.ingest.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.xinyong.ingest.RowError;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;

/** Small things the ingestion endpoints share. */
final class IngestWeb {

	private IngestWeb() {
	}

	static OrganisationMember member(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof OrganisationMember member) {
			return member;
		}
		throw new DomainException("ORGANISATION_REQUIRED", HttpStatus.FORBIDDEN);
	}

	/** A row error as the API shows it: with its message in the caller's language. */
	record ErrorView(long row, String field, String code, String message) {
	}

	static List<ErrorView> views(List<RowError> errors, MessageSource messages, Locale locale) {
		return errors.stream()
			.map(e -> new ErrorView(e.row(), e.field(), e.code(),
					messages.getMessage("error." + e.code(), e.args().toArray(), e.code(), locale)))
			.toList();
	}
}
