/**
 * Lists: the serious-dishonesty list (严重失信主体名单, art. 43-44). Inclusion is a human decision by a decision
 * document that must state reason, basis, category, measures, removal conditions and remedies; removal is by
 * expiry, repair or revocation, each with a document. Every change is a ledger event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lists")
package org.xinyong.lists;
