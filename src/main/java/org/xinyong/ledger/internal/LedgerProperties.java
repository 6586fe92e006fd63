package org.xinyong.ledger.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param hash               SM3 (default) or SHA-256; fixed for the life of a ledger
 * @param keyFile            PEM file of the SM2 signing key, generated on first start
 * @param checkpointInterval how often a checkpoint is signed when the tree has grown
 */
@ConfigurationProperties("xinyong.ledger")
record LedgerProperties(String hash, Path keyFile, Duration checkpointInterval) {

	LedgerProperties {
		hash = hash == null || hash.isBlank() ? "SM3" : hash;
		keyFile = keyFile == null ? Path.of("data", "ledger-sm2.pem") : keyFile;
		checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(10) : checkpointInterval;
	}
}
