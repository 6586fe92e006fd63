package org.xinyong.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinyong.ledger.VerificationReport;
import org.xinyong.ledger.VerificationReport.Problem;

class VerifyCommandTest {

	@TempDir
	Path dir;

	@Test
	void namesEveryProblemWithItsRecordVersion() {
		UUID id = UUID.fromString("2f1c8a4e-3b1d-4c2a-9f6e-0a1b2c3d4e5f");
		var report = new VerificationReport(Instant.EPOCH, Instant.EPOCH, 10, 10, 2, 0,
				List.of(new Problem("VERSION_ALTERED", id, 3, 7L, "the stored version no longer matches its ledger leaf")));
		assertThat(VerifyCommand.format(report)).startsWith("LEDGER VERIFICATION FAILED")
			.contains("VERSION_ALTERED record 2f1c8a4e-3b1d-4c2a-9f6e-0a1b2c3d4e5f version 3 leaf 7");
		assertThat(VerifyCommand.format(new VerificationReport(Instant.EPOCH, Instant.EPOCH, 0, 0, 0, 0, List.of())))
			.startsWith("LEDGER INTACT");
	}

	@Test
	void theSigningKeyIsCreatedOnceOwnerReadableAndReloaded() throws Exception {
		Path file = dir.resolve("keys").resolve("ledger.pem");
		LedgerKeys first = LedgerKeys.loadOrCreate(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		LedgerKeys again = LedgerKeys.loadOrCreate(file);
		assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
		byte[] text = "xinyong-ledger-checkpoint/v1\n".getBytes();
		String signature = again.sign(text);
		assertThat(LedgerKeys.verify(first.publicKeyPem(), text, signature)).isTrue();
		assertThat(LedgerKeys.verify(LedgerKeys.loadOrCreate(dir.resolve("other.pem")).publicKeyPem(), text, signature))
			.isFalse();
	}
}
