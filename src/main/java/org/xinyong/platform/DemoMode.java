package org.xinyong.platform;

/**
 * Whether demo data is loaded into an empty database. {@code xinyong.demo.enabled} decides when set;
 * otherwise demo data comes only with the embedded database (local trial), never with a configured server.
 */
public record DemoMode(boolean enabled) {
}
