package be.persocontact.gateway.system.mailsignin;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PEM blocks the providers' key files hold: an unencrypted PKCS#8 private key, X.509 certificates. */
final class PemFiles {

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");

	private PemFiles() {
	}

	/** The PKCS#8 private key in the text; {@code where} names its file and setting in the error. */
	static PrivateKey privateKey(String pem, String where) {
		for (Block block : blocks(pem)) {
			if ("PRIVATE KEY".equals(block.type())) {
				for (String algorithm : new String[] { "RSA", "EC" }) {
					try {
						return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
					}
					catch (GeneralSecurityException notThisAlgorithm) {
						// try the next one
					}
				}
				throw new IllegalArgumentException(where + ": the private key is neither RSA nor EC");
			}
			if ("RSA PRIVATE KEY".equals(block.type()) || "ENCRYPTED PRIVATE KEY".equals(block.type())) {
				throw new IllegalArgumentException(where + " holds a " + block.type() + "; convert it to an unencrypted "
						+ "PKCS#8 key: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
			}
		}
		throw new IllegalArgumentException(where + " holds no -----BEGIN PRIVATE KEY----- block");
	}

	static List<X509Certificate> certificates(String pem, String where) {
		List<X509Certificate> certificates = new ArrayList<>();
		for (Block block : blocks(pem)) {
			if ("CERTIFICATE".equals(block.type())) {
				try {
					certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
						.generateCertificate(new ByteArrayInputStream(block.der())));
				}
				catch (GeneralSecurityException unreadable) {
					throw new IllegalArgumentException(where + ": a certificate cannot be read: " + unreadable.getMessage());
				}
			}
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException(where + " holds no -----BEGIN CERTIFICATE----- block");
		}
		return certificates;
	}

	private record Block(String type, byte[] der) {
	}

	private static List<Block> blocks(String pem) {
		List<Block> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(pem.replace("\\n", "\n"));
		while (matcher.find()) {
			blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
		}
		return blocks;
	}

}
