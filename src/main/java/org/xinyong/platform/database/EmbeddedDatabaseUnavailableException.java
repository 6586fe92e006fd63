package org.xinyong.platform.database;

/**
 * The embedded PostgreSQL could not be started. The message always ends with how to use a PostgreSQL server
 * instead, so that the person reading the log knows what to do.
 */
public class EmbeddedDatabaseUnavailableException extends RuntimeException {

	static final String HOW_TO_USE_A_SERVER = """

			To run Xinyong against a PostgreSQL server instead (nothing embedded then starts), set:
			  SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/xinyong
			  SPRING_DATASOURCE_USERNAME=...   SPRING_DATASOURCE_PASSWORD=...
			(or --spring.datasource.url=... on the command line). See README.md, "PostgreSQL server".""";

	public EmbeddedDatabaseUnavailableException(String message) {
		super(message + HOW_TO_USE_A_SERVER);
	}

	public EmbeddedDatabaseUnavailableException(String message, Throwable cause) {
		super(message + HOW_TO_USE_A_SERVER, cause);
	}
}
