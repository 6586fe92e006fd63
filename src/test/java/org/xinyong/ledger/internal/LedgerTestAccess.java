package org.xinyong.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.ledger.VerificationReport;

/** Lets tests outside this package use the ledger's internals the way an outside verifier would. */
@TestComponent
public class LedgerTestAccess {

	private final TreeHasher hasher;
	private final Verifier verifier;
	private final JdbcClient jdbc;
	private final org.springframework.core.env.Environment environment;

	LedgerTestAccess(TreeHasher hasher, Verifier verifier, JdbcClient jdbc,
			org.springframework.core.env.Environment environment) {
		this.hasher = hasher;
		this.verifier = verifier;
		this.jdbc = jdbc;
		this.environment = environment;
	}

	/** What {@code java -jar xinyong.jar verify} prints and its exit code. */
	public record CommandRun(int exitCode, String output) {
	}

	public CommandRun runVerifyCommand() {
		var out = new java.io.ByteArrayOutputStream();
		var original = System.out;
		System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			VerifyCommand command = new VerifyCommand(verifier, environment);
			command.run(null);
			return new CommandRun(command.getExitCode(), out.toString(java.nio.charset.StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	/** Edits the ledger's own tables as an intruder would. */
	public void tamperLedger(String sql) {
		jdbc.sql("alter table ledger_leaf disable trigger user").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("alter table ledger_leaf enable trigger user").update();
		}
	}

	public boolean signatureValid(String publicKeyPem, String signedText, String signature) {
		return LedgerKeys.verify(publicKeyPem, signedText.getBytes(StandardCharsets.UTF_8), signature);
	}

	public boolean verifyInclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
		return MerkleTree.verifyInclusion(hasher, index, size, leaf, path, root);
	}

	public boolean verifyConsistency(long m, long n, byte[] first, byte[] second, List<byte[]> path) {
		return MerkleTree.verifyConsistency(hasher, m, n, first, second, path);
	}

	public String leafHash(String leafData) {
		return HexFormat.of().formatHex(hasher.leafHash(leafData.getBytes(StandardCharsets.UTF_8)));
	}

	public VerificationReport verify() {
		return verifier.verify(Duration.ZERO);
	}

	public VerificationReport verifyAndRecord() {
		return verifier.verifyAndRecord(Duration.ZERO);
	}

	/** Edits the audit log as an intruder with database access would. */
	public void tamperAudit(String sql) {
		jdbc.sql("alter table audit_event disable trigger user").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("alter table audit_event enable trigger user").update();
		}
	}

	/** Runs SQL as an intruder with database access would: with the append-only triggers switched off. */
	public void tamper(String sql) {
		jdbc.sql("alter table record_version disable trigger user").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("alter table record_version enable trigger user").update();
		}
	}
}
