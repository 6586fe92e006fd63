/** The embedded PostgreSQL 15 launcher and its auto-configuration (used only without {@code spring.datasource.url}). */
package org.xinyong.platform.database;
