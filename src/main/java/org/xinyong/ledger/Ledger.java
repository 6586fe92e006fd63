package org.xinyong.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger as other modules and the web use it. */
public interface Ledger {

	/** The latest signed checkpoint, if any. */
	Optional<SignedCheckpoint> latestCheckpoint();

	/** Signs a checkpoint of the current tree now (also done periodically). */
	SignedCheckpoint checkpoint();

	/** The leaf of a record version, if it has been appended. */
	Optional<Leaf> leafOf(UUID recordId, int versionNo);

	/** Audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 6962 §2.1.1). */
	List<byte[]> inclusionProof(long index, long size);

	/** Consistency proof between the trees of sizes {@code from} and {@code to} (RFC 6962 §2.1.2). */
	List<byte[]> consistencyProof(long from, long to);

	long size();

	String algorithm();

	/** A leaf: its index, hash, and the canonical bytes it hashes (for record versions). */
	record Leaf(long index, byte[] hash, byte[] data) {
	}

	/** A signed checkpoint (tree size, root, time) with the SM2 signature and the signing public key. */
	record SignedCheckpoint(long treeSize, byte[] rootHash, String algorithm, java.time.Instant signedAt,
			String signedText, String signature, String publicKeyPem) {
	}
}
