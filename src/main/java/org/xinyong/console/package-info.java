/**
 * Console: the staff console's shell — layout, role-based navigation, language switch and the home page with
 * the user's organisation and roles. Modules add their pages to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.xinyong.console;
