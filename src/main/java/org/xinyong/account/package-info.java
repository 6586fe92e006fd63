/**
 * Account: credit subjects sign in to the credit website as themselves — verified by the region's e-government
 * unified login (OpenID Connect) or, in demo mode, by a built-in verifier — and see their own full record and
 * who read it (art. 50). Later modules (objections, credit repair) take the signed-in subject from
 * {@link org.xinyong.account.SubjectPrincipal#current()}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package org.xinyong.account;
