package org.xinyong.ledger.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 Merkle tree hashes and proofs over a source of aligned complete-subtree hashes, and the RFC 9162
 * verification algorithms. Every computation needs O(log n) node lookups.
 */
final class MerkleTree {

	/** Hashes of aligned complete subtrees: level 0 are leaf hashes; level k covers leaves [i·2^k, (i+1)·2^k). */
	interface Nodes {
		byte[] node(int level, long index);
	}

	private MerkleTree() {
	}

	/** MTH of leaves [0, size). */
	static byte[] root(TreeHasher h, Nodes nodes, long size) {
		return size == 0 ? h.emptyRoot() : subtree(h, nodes, 0, size);
	}

	/** MTH of leaves [start, end), splitting at the largest power of two smaller than the width. */
	static byte[] subtree(TreeHasher h, Nodes nodes, long start, long end) {
		long width = end - start;
		if (Long.bitCount(width) == 1 && start % width == 0) {
			return nodes.node(Long.numberOfTrailingZeros(width), start / width);
		}
		long k = largestPowerOfTwoBelow(width);
		return h.nodeHash(subtree(h, nodes, start, start + k), subtree(h, nodes, start + k, end));
	}

	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	/** PATH(index, D[0:size]) of RFC 6962 §2.1.1. */
	static List<byte[]> inclusionProof(TreeHasher h, Nodes nodes, long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
		}
		List<byte[]> proof = new ArrayList<>();
		path(h, nodes, index, 0, size, proof);
		return proof;
	}

	private static void path(TreeHasher h, Nodes nodes, long m, long start, long end, List<byte[]> out) {
		if (end - start == 1) {
			return;
		}
		long k = largestPowerOfTwoBelow(end - start);
		if (m < start + k) {
			path(h, nodes, m, start, start + k, out);
			out.add(subtree(h, nodes, start + k, end));
		}
		else {
			path(h, nodes, m, start + k, end, out);
			out.add(subtree(h, nodes, start, start + k));
		}
	}

	/** PROOF(m, D[0:n]) of RFC 6962 §2.1.2, for 0 < m ≤ n. */
	static List<byte[]> consistencyProof(TreeHasher h, Nodes nodes, long m, long n) {
		if (m <= 0 || m > n) {
			throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
		}
		List<byte[]> proof = new ArrayList<>();
		if (m < n) {
			subproof(h, nodes, m, 0, n, true, proof);
		}
		return proof;
	}

	private static void subproof(TreeHasher h, Nodes nodes, long m, long start, long end, boolean complete,
			List<byte[]> out) {
		long n = end - start;
		if (m == n) {
			if (!complete) {
				out.add(subtree(h, nodes, start, end));
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(h, nodes, m, start, start + k, complete, out);
			out.add(subtree(h, nodes, start + k, end));
		}
		else {
			subproof(h, nodes, m - k, start + k, end, false, out);
			out.add(subtree(h, nodes, start, start + k));
		}
	}

	/** RFC 9162 §2.1.3.2: does {@code proof} show leaf {@code index} with hash {@code leaf} in the tree {@code root}? */
	static boolean verifyInclusion(TreeHasher h, long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size || leaf == null || root == null || proof == null) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leaf;
		for (byte[] p : proof) {
			if (sn == 0 || p == null) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = h.nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = h.nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/** RFC 9162 §2.1.4.2: is the tree {@code second} of size {@code n} an extension of {@code first} of size {@code m}? */
	static boolean verifyConsistency(TreeHasher h, long m, long n, byte[] first, byte[] second, List<byte[]> proof) {
		if (m <= 0 || m > n || first == null || second == null || proof == null) {
			return false;
		}
		if (m == n) {
			return proof.isEmpty() && Arrays.equals(first, second);
		}
		if (proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(m) == 1) {
			path.add(0, first);
		}
		long fn = m - 1;
		long sn = n - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0 || c == null) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = h.nodeHash(c, fr);
				sr = h.nodeHash(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = h.nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, first) && Arrays.equals(sr, second);
	}
}
