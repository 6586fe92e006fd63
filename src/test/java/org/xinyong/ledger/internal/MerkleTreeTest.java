package org.xinyong.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6962 tree hashes and proofs, RFC 9162 verification, SM3 known answers. */
class MerkleTreeTest {

	static final HexFormat HEX = HexFormat.of();

	/** The leaves of certificate-transparency's reference tests. */
	static final String[] CT_LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	static final String[] CT_ROOTS = { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	/** Aligned subtree hashes computed naively from the leaves, as the ledger stores them. */
	static MerkleTree.Nodes nodes(TreeHasher h, List<byte[]> leaves) {
		Map<Long, byte[]> map = new HashMap<>();
		for (int i = 0; i < leaves.size(); i++) {
			map.put(key(0, i), leaves.get(i));
		}
		for (int level = 1; (1L << level) <= leaves.size(); level++) {
			for (long i = 0; (i + 1) * (1L << level) <= leaves.size(); i++) {
				map.put(key(level, i), h.nodeHash(map.get(key(level - 1, 2 * i)), map.get(key(level - 1, 2 * i + 1))));
			}
		}
		return (level, index) -> {
			byte[] hash = map.get(key(level, index));
			if (hash == null) {
				throw new IllegalStateException("no node " + level + "/" + index);
			}
			return hash;
		};
	}

	static long key(int level, long index) {
		return ((long) level << 56) | index;
	}

	static List<byte[]> leaves(TreeHasher h, int n) {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			leaves.add(h.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
		}
		return leaves;
	}

	@Test
	void sha256RootsMatchTheCertificateTransparencyReference() {
		TreeHasher h = TreeHasher.of("SHA-256");
		List<byte[]> leaves = new ArrayList<>();
		for (String leaf : CT_LEAVES) {
			leaves.add(h.leafHash(HEX.parseHex(leaf)));
		}
		for (int size = 1; size <= 8; size++) {
			assertThat(HEX.formatHex(MerkleTree.root(h, nodes(h, leaves.subList(0, size)), size)))
				.as("root of %d leaves", size)
				.isEqualTo(CT_ROOTS[size - 1]);
		}
		assertThat(HEX.formatHex(MerkleTree.root(h, nodes(h, List.of()), 0)))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	/**
	 * Published audit paths of certificate-transparency's reference tests (same eight leaves): our proofs must be
	 * byte-for-byte those, so that any RFC 6962 verifier accepts them.
	 */
	@Test
	void proofsMatchThePublishedCertificateTransparencyVectors() {
		TreeHasher h = TreeHasher.of("SHA-256");
		List<byte[]> leaves = new ArrayList<>();
		for (String leaf : CT_LEAVES) {
			leaves.add(h.leafHash(HEX.parseHex(leaf)));
		}
		MerkleTree.Nodes all = nodes(h, leaves);
		Object[][] inclusion = {
				{ 0L, 8L, new String[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
						"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
						"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" } },
				{ 5L, 8L, new String[] { "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
						"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
						"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" } },
				{ 2L, 3L, new String[] { "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" } },
				{ 1L, 5L, new String[] { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
						"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
						"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" } } };
		for (Object[] v : inclusion) {
			long index = (Long) v[0];
			long size = (Long) v[1];
			String[] expected = (String[]) v[2];
			List<byte[]> proof = MerkleTree.inclusionProof(h, nodes(h, leaves.subList(0, (int) size)), index, size);
			assertThat(proof.stream().map(HEX::formatHex).toList()).as("inclusion of %d in %d", index, size)
				.containsExactly(expected);
			assertThat(MerkleTree.verifyInclusion(h, index, size, leaves.get((int) index), proof,
					HEX.parseHex(CT_ROOTS[(int) size - 1]))).isTrue();
		}
		assertThat(MerkleTree.inclusionProof(h, all, 0, 1)).isEmpty();
		Object[][] consistency = {
				{ 1L, 8L, new String[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
						"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
						"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" } },
				{ 6L, 8L, new String[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
						"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
						"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" } },
				{ 2L, 5L, new String[] { "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
						"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" } } };
		for (Object[] v : consistency) {
			long m = (Long) v[0];
			long n = (Long) v[1];
			String[] expected = (String[]) v[2];
			List<byte[]> proof = MerkleTree.consistencyProof(h, nodes(h, leaves.subList(0, (int) n)), m, n);
			assertThat(proof.stream().map(HEX::formatHex).toList()).as("consistency %d to %d", m, n)
				.containsExactly(expected);
			assertThat(MerkleTree.verifyConsistency(h, m, n, HEX.parseHex(CT_ROOTS[(int) m - 1]),
					HEX.parseHex(CT_ROOTS[(int) n - 1]), proof)).isTrue();
		}
		assertThat(MerkleTree.consistencyProof(h, all, 1, 1)).isEmpty();
	}

	@Test
	void sm3KnownAnswers() {
		TreeHasher sm3 = TreeHasher.of("SM3");
		assertThat(HEX.formatHex(sm3.hash((byte) -1, "abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(HEX.formatHex(sm3.hash((byte) -1, "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SM3", "SHA-256" })
	void everyInclusionProofVerifiesAndCorruptedOnesDoNot(String algorithm) {
		TreeHasher h = TreeHasher.of(algorithm);
		for (int size = 1; size <= 70; size++) {
			List<byte[]> leaves = leaves(h, size);
			MerkleTree.Nodes nodes = nodes(h, leaves);
			byte[] root = MerkleTree.root(h, nodes, size);
			for (int index = 0; index < size; index++) {
				List<byte[]> proof = MerkleTree.inclusionProof(h, nodes, index, size);
				assertThat(MerkleTree.verifyInclusion(h, index, size, leaves.get(index), proof, root)).isTrue();
				assertThat(MerkleTree.verifyInclusion(h, index, size, h.leafHash(new byte[] { 9 }), proof, root))
					.isFalse();
				if (size > 1) {
					assertThat(MerkleTree.verifyInclusion(h, (index + 1) % size, size, leaves.get(index), proof, root))
						.isFalse();
					List<byte[]> shorter = proof.subList(0, proof.size() - 1);
					assertThat(MerkleTree.verifyInclusion(h, index, size, leaves.get(index), shorter, root)).isFalse();
					List<byte[]> flipped = new ArrayList<>(proof);
					byte[] bad = flipped.get(0).clone();
					bad[0] ^= 1;
					flipped.set(0, bad);
					assertThat(MerkleTree.verifyInclusion(h, index, size, leaves.get(index), flipped, root)).isFalse();
				}
				List<byte[]> longer = new ArrayList<>(proof);
				longer.add(root);
				assertThat(MerkleTree.verifyInclusion(h, index, size, leaves.get(index), longer, root)).isFalse();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "SM3", "SHA-256" })
	void everyConsistencyProofVerifiesAndCorruptedOnesDoNot(String algorithm) {
		TreeHasher h = TreeHasher.of(algorithm);
		List<byte[]> all = leaves(h, 40);
		MerkleTree.Nodes nodes = nodes(h, all);
		for (int n = 1; n <= 40; n++) {
			byte[] second = MerkleTree.root(h, nodes, n);
			for (int m = 1; m <= n; m++) {
				byte[] first = MerkleTree.root(h, nodes, m);
				List<byte[]> proof = MerkleTree.consistencyProof(h, nodes, m, n);
				assertThat(MerkleTree.verifyConsistency(h, m, n, first, second, proof)).as("%d→%d", m, n).isTrue();
				if (m < n) {
					assertThat(MerkleTree.verifyConsistency(h, m, n, second, first, proof)).isFalse();
					List<byte[]> flipped = new ArrayList<>(proof);
					byte[] bad = flipped.get(flipped.size() - 1).clone();
					bad[3] ^= 0x40;
					flipped.set(flipped.size() - 1, bad);
					assertThat(MerkleTree.verifyConsistency(h, m, n, first, second, flipped)).isFalse();
					assertThat(MerkleTree.verifyConsistency(h, m, n, first, second, proof.subList(1, proof.size())))
						.isFalse();
					if (n < 40) {
						byte[] larger = MerkleTree.root(h, nodes, n + 1);
						assertThat(MerkleTree.verifyConsistency(h, m, n + 1, first, larger, proof)).isFalse();
					}
				}
			}
		}
	}
}
