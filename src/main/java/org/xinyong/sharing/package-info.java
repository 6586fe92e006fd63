/**
 * Sharing (共享, art. 32, 34, 36, 51): state bodies receive the credit records of the catalog items they hold a
 * grant for, for a stated purpose; natural persons' non-public items only on a statutory basis or with the
 * person's recorded authorisation. Every query, answered or refused, is audited with its purpose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing")
package org.xinyong.sharing;
