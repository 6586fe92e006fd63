package org.xinyong.ledger.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The platform's SM2 key pair for signing checkpoints (curve sm2p256v1, signature SM3withSM2 with the default
 * distinguishing identifier {@code 1234567812345678} of GB/T 35276). Generated on first start into a PEM file
 * (PKCS#8 private key, then the SubjectPublicKeyInfo public key) readable by its owner only.
 */
final class LedgerKeys {

	private static final BouncyCastleProvider BC = new BouncyCastleProvider();
	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	private final PrivateKey privateKey;
	private final PublicKey publicKey;

	private LedgerKeys(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
	}

	static LedgerKeys loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return read(Files.readString(file));
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
			generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			KeyPair pair = generator.generateKeyPair();
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
			Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// best effort
			}
			return new LedgerKeys(pair.getPrivate(), pair.getPublic());
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("Cannot load or create the ledger signing key " + file + ": " + e.getMessage(), e);
		}
	}

	static LedgerKeys read(String pemText) throws GeneralSecurityException {
		PrivateKey priv = null;
		PublicKey pub = null;
		Matcher m = PEM.matcher(pemText);
		KeyFactory factory = KeyFactory.getInstance("EC", BC);
		while (m.find()) {
			byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
			if (m.group(1).equals("PRIVATE KEY")) {
				priv = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			else if (m.group(1).equals("PUBLIC KEY")) {
				pub = factory.generatePublic(new X509EncodedKeySpec(der));
			}
		}
		if (priv == null || pub == null) {
			throw new GeneralSecurityException("The key file needs a PRIVATE KEY and a PUBLIC KEY block");
		}
		return new LedgerKeys(priv, pub);
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	String publicKeyPem() {
		return pem("PUBLIC KEY", publicKey.getEncoded());
	}

	/** Base64 of the DER-encoded SM2 signature over {@code data}. */
	String sign(byte[] data) {
		try {
			Signature s = Signature.getInstance("SM3withSM2", BC);
			s.initSign(privateKey);
			s.update(data);
			return Base64.getEncoder().encodeToString(s.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Checks a signature against a PEM public key (any key, not only this platform's). */
	static boolean verify(String publicKeyPem, byte[] data, String signature) {
		try {
			Matcher m = PEM.matcher(publicKeyPem);
			if (!m.find()) {
				return false;
			}
			PublicKey key = KeyFactory.getInstance("EC", BC)
				.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2).strip())));
			Signature s = Signature.getInstance("SM3withSM2", BC);
			s.initVerify(key);
			s.update(data);
			return s.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}
}
