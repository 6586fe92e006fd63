package org.xinyong.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

	@Test
	void cellsAreQuotedAndFormulasNeutralised() {
		assertThat(AuditConsoleController.csv("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"");
		assertThat(AuditConsoleController.csv("@SUM(A1)")).startsWith("\"'@");
		assertThat(AuditConsoleController.csv("plain \"quoted\"")).isEqualTo("\"plain \"\"quoted\"\"\"");
		assertThat(AuditConsoleController.csv(null)).isEmpty();
	}
}
