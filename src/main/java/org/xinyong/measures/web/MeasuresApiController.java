package org.xinyong.measures.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.measures.MeasureLists;
import org.xinyong.measures.SupplementaryMeasure;

import io.swagger.v3.oas.annotations.Operation;

/** Measure lists: the base list and drafting supplementary measures. */
@RestController
class MeasuresApiController {

	private final MeasureLists measures;

	MeasuresApiController(MeasureLists measures) {
		this.measures = measures;
	}

	record DraftRequest(String region, String baseMeasureId, String target, String measure, String basis,
			String implementingUnit) {
	}

	@GetMapping("/api/v1/measures/base")
	@Operation(summary = "失信惩戒措施基础清单 / Base list", description = "Every entry with its provenance (VERIFIED/UNVERIFIED).")
	List<Map<String, Object>> base() {
		return measures.baseList();
	}

	@PostMapping("/api/v1/measures/supplementary")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "起草补充清单措施 / Draft a supplementary measure",
			description = "Refused (422 MEASURE_BASE_REQUIRED / MEASURE_BASE_UNKNOWN) unless it names a base punishment measure (art. 45).")
	SupplementaryMeasure draft(@RequestBody DraftRequest r, Authentication authentication) {
		return measures.draft(r.region(), r.baseMeasureId(), r.target(), r.measure(), r.basis(), r.implementingUnit(),
				authentication.getName());
	}
}
