package org.xinyong.objection.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.objection.Handler;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.objection.internal.Progress;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;

/** What the objection pages show besides the case itself: names of items and units, and the record's fields. */
@Component("objectionViews")
class CaseViews {

	/** A case with its standing against the deadlines today. */
	record Row(Case c, Progress progress) {
	}

	/** A field of the record with its current value, for correction forms. */
	record Field(String key, String label, String value) {
	}

	private final Catalogs catalogs;
	private final Organisations organisations;
	private final CreditRecords records;
	private final ObjectionService service;
	private final org.xinyong.objection.internal.Certificates certificates;

	CaseViews(Catalogs catalogs, Organisations organisations, CreditRecords records, ObjectionService service,
			org.xinyong.objection.internal.Certificates certificates) {
		this.certificates = certificates;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.records = records;
		this.service = service;
	}

	Row row(Case c) {
		return new Row(c, service.progress(c));
	}

	List<Row> rows(List<Case> cases) {
		return cases.stream().map(this::row).toList();
	}

	/** The certificate issued for the case, or null. */
	public org.xinyong.objection.internal.Certificates.Certificate certificate(Case c) {
		return certificates.ofCase(c.id()).orElse(null);
	}

	public String itemName(String code, Locale locale) {
		return catalogs.publishedItem(code)
			.map(p -> "en".equals(locale.getLanguage()) && p.item().nameEn() != null ? p.item().nameEn() : p.item().name())
			.orElse(code);
	}

	public String organisationName(Long id, Locale locale) {
		if (id == null) {
			return "—";
		}
		return organisations.byId(id)
			.map(o -> "en".equals(locale.getLanguage()) && o.nameEn() != null ? o.nameEn() : o.name())
			.orElse("#" + id);
	}

	/** The record's fields with their current values (empty when the record is unknown). */
	List<Field> fields(Case c, Locale locale) {
		CreditRecord record = records.byId(c.recordId()).orElse(null);
		if (record == null) {
			return List.of();
		}
		Map<String, Object> payload = record.current().payload() == null ? Map.of() : record.current().payload();
		List<Field> out = new ArrayList<>();
		boolean en = "en".equals(locale.getLanguage());
		List<FieldSchema> schema = catalogs.publishedItem(c.catalogItem()).map(p -> p.item().fields()).orElse(List.of());
		for (FieldSchema f : schema) {
			Object v = payload.get(f.key());
			out.add(new Field(f.key(), en && f.labelEn() != null ? f.labelEn() : f.label(), v == null ? "" : String.valueOf(v)));
		}
		return out;
	}

	/** Values of a correction form: parameters {@code v.<key>}, blank ones left out. */
	static Map<String, Object> values(Map<String, String> parameters) {
		Map<String, Object> values = new LinkedHashMap<>();
		parameters.forEach((k, v) -> {
			if (k.startsWith("v.") && v != null && !v.isBlank()) {
				values.put(k.substring(2), v.strip());
			}
		});
		return values;
	}

	/** An attachment of the case as a download (never shown inline). */
	ResponseEntity<Resource> download(Case c, long attachmentId) throws IOException {
		Case.Attachment a = c.attachments().stream().filter(x -> x.id() == attachmentId).findFirst()
			.orElseThrow(() -> DomainException.notFound("OBJECTION_ATTACHMENT_UNKNOWN", attachmentId));
		Path file = service.attachment(c.id(), attachmentId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, a.contentType())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attachment-" + a.id() + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.contentLength(Files.size(file))
			.body(new FileSystemResource(file));
	}

	static Handler handler(Authentication auth) {
		long organisation = auth.getPrincipal() instanceof OrganisationMember m ? m.organisationId() : -1;
		Set<String> roles = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toSet());
		return new Handler(auth.getName(), organisation, roles);
	}
}
