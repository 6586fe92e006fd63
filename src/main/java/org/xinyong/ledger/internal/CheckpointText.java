package org.xinyong.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The signed text of a checkpoint (UTF-8, LF line ends):
 * <pre>
 * xinyong-ledger-checkpoint/v1
 * SM3
 * 1000000
 * &lt;root hash, lower-case hex&gt;
 * 2026-11-26T12:00:00.000Z
 * </pre>
 */
final class CheckpointText {

	private CheckpointText() {
	}

	static String of(String algorithm, long treeSize, byte[] root, Instant signedAt) {
		return "xinyong-ledger-checkpoint/v1\n" + algorithm + "\n" + treeSize + "\n" + HexFormat.of().formatHex(root)
				+ "\n" + LeafEncoding.MILLIS.format(signedAt.truncatedTo(ChronoUnit.MILLIS)) + "\n";
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
