package org.xinyong.subject.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierIssue;
import org.xinyong.subject.LabelledCode;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON answer of {@code GET /api/v1/identifiers/{value}}, with messages and names in the caller's language. */
@Schema(name = "IdentifierCheck")
record IdentifierCheckResponse(
		@Schema(description = "Normalised value (no spaces or hyphens, upper case); a 15-digit resident ID is converted to 18 digits; empty if the input was too long",
				example = "91320100748204660Q") String value,
		@Schema(description = "Most plausible kind", example = "USCC",
				allowableValues = { "USCC", "RESIDENT_ID", "PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT",
						"FOREIGN_PERMANENT_RESIDENCE", "UNKNOWN" }) String kind,
		@Schema(description = "True when the value passes every rule of its kind") boolean valid,
		@Schema(description = "Rules broken; empty when valid") List<Message> errors,
		@Schema(description = "Findings that do not make the value invalid, e.g. ORG_CODE_CHECK_CHARACTER") List<Message> warnings,
		@Schema(description = "What a valid identifier encodes; labelled codes are objects {code, name}") Map<String, Object> details) {

	/** A broken rule: its stable code and its translated message. */
	record Message(@Schema(example = "USCC_CHECK_CHARACTER") String code, String message) {
	}

	/** A decoded code with its translated name, e.g. {"code": "91", "name": "企业"}. */
	record Label(@Schema(example = "91") String code, @Schema(example = "企业") String name) {
	}

	static IdentifierCheckResponse of(IdentifierCheck check, MessageSource messages, Locale locale) {
		return new IdentifierCheckResponse(check.value(), check.kind().name(), check.valid(),
				messages(check.errors(), messages, locale), messages(check.warnings(), messages, locale),
				details(check.details(), messages, locale));
	}

	private static List<Message> messages(List<IdentifierIssue> issues, MessageSource messages, Locale locale) {
		return issues.stream()
			.map(issue -> new Message(issue.code(),
					messages.getMessage(issue.messageKey(), issue.args().toArray(), issue.code(), locale)))
			.toList();
	}

	private static Map<String, Object> details(Map<String, Object> details, MessageSource messages, Locale locale) {
		Map<String, Object> out = new LinkedHashMap<>();
		details.forEach((key, value) -> out.put(key, value instanceof LabelledCode label
				? new Label(label.code(), name(label, messages, locale)) : value));
		return out;
	}

	private static String name(MessageSourceResolvable label, MessageSource messages, Locale locale) {
		return messages.getMessage(label, locale);
	}
}
