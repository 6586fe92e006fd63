package org.xinyong.ledger.internal;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinyong.ledger.VerificationReport;

/**
 * {@code java -jar xinyong.jar verify}: recomputes the ledger, prints every record version that was altered,
 * inserted out of band or deleted, and exits with 1 if anything does not match (0 when intact).
 */
@Component
@ConditionalOnProperty(name = "xinyong.command", havingValue = "verify")
class VerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	private final Verifier verifier;
	private final Environment environment;
	private int exitCode;

	VerifyCommand(Verifier verifier, Environment environment) {
		this.verifier = verifier;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		Duration grace = environment.getProperty("xinyong.ledger.verify-grace", Duration.class, Duration.ofMinutes(10));
		VerificationReport report = verifier.verifyAndRecord(grace);
		System.out.println(format(report));
		exitCode = report.intact() ? 0 : 1;
	}

	static String format(VerificationReport report) {
		StringBuilder out = new StringBuilder();
		out.append(report.intact() ? "LEDGER INTACT" : "LEDGER VERIFICATION FAILED")
			.append(": ")
			.append(report.versions())
			.append(" record versions, ")
			.append(report.leaves())
			.append(" leaves, ")
			.append(report.checkpoints())
			.append(" signed checkpoints, ")
			.append(report.auditEntries())
			.append(" audit entries checked; ")
			.append(report.problems().size())
			.append(" problem(s)\n");
		for (VerificationReport.Problem p : report.problems()) {
			out.append("  ").append(p.kind());
			if (p.recordId() != null) {
				out.append(" record ").append(p.recordId()).append(" version ").append(p.versionNo());
			}
			if (p.leafIndex() != null) {
				out.append(" leaf ").append(p.leafIndex());
			}
			out.append(": ").append(p.detail()).append('\n');
		}
		return out.toString();
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
