package org.xinyong.ledger.internal;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * RFC 6962 tree hashing: leaf = H(0x00 ‖ data), node = H(0x01 ‖ left ‖ right), empty tree = H(""). SM3 by default
 * (GB/T 32905), SHA-256 for interoperability with certificate-transparency tooling.
 */
final class TreeHasher {

	private final String algorithm;

	private TreeHasher(String algorithm) {
		this.algorithm = algorithm;
	}

	static TreeHasher of(String algorithm) {
		return switch (algorithm.toUpperCase(java.util.Locale.ROOT).replace("-", "")) {
			case "SM3" -> new TreeHasher("SM3");
			case "SHA256" -> new TreeHasher("SHA-256");
			default -> throw new IllegalArgumentException("Unknown ledger hash " + algorithm + " (SM3 or SHA-256)");
		};
	}

	String algorithm() {
		return algorithm;
	}

	private Digest digest() {
		return algorithm.equals("SM3") ? new SM3Digest() : new SHA256Digest();
	}

	byte[] hash(byte prefix, byte[]... parts) {
		Digest d = digest();
		if (prefix >= 0) {
			d.update(prefix);
		}
		for (byte[] p : parts) {
			d.update(p, 0, p.length);
		}
		byte[] out = new byte[d.getDigestSize()];
		d.doFinal(out, 0);
		return out;
	}

	byte[] leafHash(byte[] data) {
		return hash((byte) 0, data);
	}

	byte[] nodeHash(byte[] left, byte[] right) {
		return hash((byte) 1, left, right);
	}

	byte[] emptyRoot() {
		return hash((byte) -1);
	}
}
