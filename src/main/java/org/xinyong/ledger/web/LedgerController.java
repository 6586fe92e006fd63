package org.xinyong.ledger.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.ledger.Ledger;
import org.xinyong.ledger.Ledger.SignedCheckpoint;
import org.xinyong.platform.DomainException;

/** The ledger's public proofs: anyone can check that a record version is in the signed tree and the tree only grew. */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "ledger", description = "防篡改账本 / Tamper-evident ledger")
class LedgerController {

	private final Ledger ledger;

	LedgerController(Ledger ledger) {
		this.ledger = ledger;
	}

	record CheckpointView(long treeSize, String rootHash, String algorithm, Instant signedAt, String signedText,
			String signature, String signatureAlgorithm, String publicKey) {
		static CheckpointView of(SignedCheckpoint c) {
			return new CheckpointView(c.treeSize(), HexFormat.of().formatHex(c.rootHash()), c.algorithm(), c.signedAt(),
					c.signedText(), c.signature(), "SM3withSM2 (ID 1234567812345678)", c.publicKeyPem());
		}
	}

	record ProofView(String type, long leafIndex, long treeSize, long from, long to, String algorithm,
			List<String> path) {
	}

	record LeafView(UUID recordId, int versionNo, long leafIndex, String leafHash, String leafData, String algorithm) {
	}

	@GetMapping("/checkpoint")
	@Operation(summary = "最新签名检查点 / The latest signed checkpoint")
	CheckpointView checkpoint() {
		return ledger.latestCheckpoint()
			.map(CheckpointView::of)
			.orElseThrow(() -> DomainException.notFound("LEDGER_NO_CHECKPOINT"));
	}

	@PostMapping("/checkpoints")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "立即签发检查点 / Sign a checkpoint now")
	CheckpointView sign() {
		return CheckpointView.of(ledger.checkpoint());
	}

	@GetMapping("/proof/inclusion")
	@Operation(summary = "包含证明 / Inclusion proof (RFC 6962 audit path)")
	ProofView inclusion(@RequestParam long leaf, @RequestParam long size) {
		return new ProofView("inclusion", leaf, size, 0, 0, ledger.algorithm(), hex(ledger.inclusionProof(leaf, size)));
	}

	@GetMapping("/proof/consistency")
	@Operation(summary = "一致性证明 / Consistency proof between two tree sizes (RFC 6962)")
	ProofView consistency(@RequestParam long from, @RequestParam long to) {
		return new ProofView("consistency", 0, 0, from, to, ledger.algorithm(), hex(ledger.consistencyProof(from, to)));
	}

	@GetMapping("/records/{recordId}/versions/{versionNo}")
	@Operation(summary = "记录版本的账本叶子 / The ledger leaf of a record version",
			description = "Leaf index, leaf hash and the canonical leaf text it hashes (see docs/ledger.md).")
	LeafView leaf(@PathVariable UUID recordId, @PathVariable int versionNo) {
		var leaf = ledger.leafOf(recordId, versionNo)
			.orElseThrow(() -> DomainException.notFound("LEDGER_LEAF_UNKNOWN", recordId, versionNo));
		return new LeafView(recordId, versionNo, leaf.index(), HexFormat.of().formatHex(leaf.hash()),
				new String(leaf.data(), StandardCharsets.UTF_8), ledger.algorithm());
	}

	private static List<String> hex(List<byte[]> path) {
		return path.stream().map(HexFormat.of()::formatHex).toList();
	}
}
