package org.xinyong.lists;

/** How an entry leaves a list; each needs a document. */
public enum RemovalKind {
	EXPIRY, REPAIR, REVOCATION
}
