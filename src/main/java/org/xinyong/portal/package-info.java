/**
 * Portal: the public credit website (信用网站) — start page, search, subject pages, query guide. Pages only;
 * the rules they show live in the modules that own them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.xinyong.portal;
