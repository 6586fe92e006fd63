/**
 * Ledger: the tamper-evident, append-only Merkle tree (RFC 6962 structure, SM3) over every record version and
 * every status event that changes what is visible, signed checkpoints (SM2), proofs, and the verification that
 * nothing was altered, inserted out of band or deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.xinyong.ledger;
