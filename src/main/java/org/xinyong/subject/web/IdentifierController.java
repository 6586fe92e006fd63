package org.xinyong.subject.web;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierKind;
import org.xinyong.subject.Identifiers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public check of identifiers (统一社会信用代码, 公民身份号码, other documents). Read-only, stores nothing. */
@RestController
@RequestMapping("/api/v1/identifiers")
@Tag(name = "Identifiers", description = "Check and decode 统一社会信用代码, 公民身份号码 and other identity document numbers")
class IdentifierController {

	private final MessageSource messages;
	private final Clock clock;

	IdentifierController(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/{value}")
	@Operation(summary = "Check an identifier",
			description = "Detects the kind of identifier, checks it and decodes what it encodes. An invalid value "
					+ "is still answered with 200 and valid=false; messages follow Accept-Language (Chinese by default).")
	IdentifierCheckResponse check(
			@Parameter(description = "The identifier; spaces and hyphens are ignored", example = "91320100748204660Q")
			@PathVariable String value,
			@Parameter(description = "Check as this kind instead of detecting it (needed for foreign passports)")
			@RequestParam(required = false) IdentifierKind kind) {
		IdentifierCheck check = kind == null ? Identifiers.parse(value, clock) : Identifiers.parseAs(value, kind, clock);
		return IdentifierCheckResponse.of(check, messages, LocaleContextHolder.getLocale());
	}
}
