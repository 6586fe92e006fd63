/**
 * Platform: what every module shares and no module owns — the embedded PostgreSQL launcher,
 * RFC 9457 error responses with stable codes, locale resolution (Chinese first, English second) and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xinyong.platform;
