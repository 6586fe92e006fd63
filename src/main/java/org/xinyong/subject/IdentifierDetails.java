package org.xinyong.subject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a valid identifier discloses, as language-neutral details (codes, flags, ISO dates). */
final class IdentifierDetails {

	private IdentifierDetails() {
	}

	static Map<String, Object> of(Identifier identifier) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (identifier instanceof UnifiedCode code) {
			unifiedCode(code, details);
		}
		else if (identifier instanceof ResidentId id) {
			residentId(id, details);
		}
		else if (identifier instanceof DocumentNumber number) {
			details.put("documentType", number.type().label());
			details.put("format", number.format().name());
		}
		return Collections.unmodifiableMap(details);
	}

	private static void unifiedCode(UnifiedCode code, Map<String, Object> details) {
		String first = code.value().substring(0, 1);
		String firstTwo = code.value().substring(0, 2);
		details.put("registrationAuthority", code.registrationAuthority()
			.map(RegistrationAuthority::label)
			.orElse(new LabelledCode(first, "subject.authority.unknown")));
		details.put("category", code.category()
			.map(OrganisationCategory::label)
			.orElse(new LabelledCode(firstTwo, "subject.category.unknown")));
		details.put("regionCode", code.region().code());
		details.put("province", code.region().provinceLabel());
		details.put("orgCode", code.subjectIdentificationCode());
		details.put("orgCodeValid", code.organisationCodeValid());
		details.put("legacy", code.legacy());
	}

	private static void residentId(ResidentId id, Map<String, Object> details) {
		details.put("regionCode", id.region().code());
		details.put("province", id.region().provinceLabel());
		details.put("birthDate", id.birthDate().toString());
		details.put("sex", id.sex().name());
		details.put("convertedFrom15", id.convertedFrom15());
	}
}
