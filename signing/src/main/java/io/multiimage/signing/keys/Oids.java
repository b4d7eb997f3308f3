package io.multiimage.signing.keys;

import java.util.Map;

/** Object identifiers met in key files, with names for messages. */
final class Oids {

    static final String RSA = "1.2.840.113549.1.1.1";
    static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    static final String ED25519 = "1.3.101.112";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(RSA, "RSA"),
            Map.entry("1.2.840.113549.1.1.10", "RSASSA-PSS"),
            Map.entry(EC_PUBLIC_KEY, "EC"),
            Map.entry(ED25519, "Ed25519"),
            Map.entry("1.3.101.113", "Ed448"),
            Map.entry("1.3.101.110", "X25519"),
            Map.entry("1.3.101.111", "X448"),
            Map.entry("1.2.840.10040.4.1", "DSA"),
            Map.entry(EcP256.CURVE_OID, "P-256 (prime256v1)"),
            Map.entry("1.3.132.0.34", "P-384 (secp384r1)"),
            Map.entry("1.3.132.0.35", "P-521 (secp521r1)"),
            Map.entry("1.3.132.0.10", "secp256k1"),
            Map.entry("1.2.840.113549.1.5.3", "PBES1 (pbeWithMD5AndDES-CBC)"),
            Map.entry("1.2.840.113549.1.5.10", "PBES1 (pbeWithSHA1AndDES-CBC)"),
            Map.entry("1.2.840.113549.1.12.1.3", "PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC"),
            Map.entry("1.2.840.113549.1.12.1.6", "PKCS#12 pbeWithSHAAnd40BitRC2-CBC"),
            Map.entry("1.3.6.1.4.1.11591.4.11", "scrypt"),
            Map.entry("1.2.840.113549.2.7", "HMAC-SHA-1"),
            Map.entry("1.2.840.113549.2.8", "HMAC-SHA-224"),
            Map.entry("1.2.840.113549.2.9", "HMAC-SHA-256"),
            Map.entry("1.2.840.113549.2.10", "HMAC-SHA-384"),
            Map.entry("1.2.840.113549.2.11", "HMAC-SHA-512"));

    private static final Map<String, String> HMACS = Map.of(
            "1.2.840.113549.2.7", "HmacSHA1",
            "1.2.840.113549.2.8", "HmacSHA224",
            "1.2.840.113549.2.9", "HmacSHA256",
            "1.2.840.113549.2.10", "HmacSHA384",
            "1.2.840.113549.2.11", "HmacSHA512");

    private Oids() {}

    /** {@code RSA (1.2.840.113549.1.1.1)}, or the bare OID when unknown. */
    static String describe(String oid) {
        String name = NAMES.get(oid);
        return name == null ? "OID " + oid : name + " (" + oid + ")";
    }

    /** The JCA MAC name of a PBKDF2 PRF. */
    static String hmacName(String oid, String source) throws KeyException {
        String name = HMACS.get(oid);
        if (name == null) {
            throw new KeyException(
                    source + ": PBKDF2 uses " + describe(oid) + "; supported: HMAC-SHA-1, -224, -256, -384, -512");
        }
        return name;
    }
}
