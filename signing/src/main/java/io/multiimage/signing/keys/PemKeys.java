package io.multiimage.signing.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * Reads MCUboot signing keys from PEM files as CI teams hold them.
 *
 * <p>Private keys: PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code imgtool keygen} and
 * {@code openssl genpkey} write), encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2),
 * SEC1 ({@code BEGIN EC PRIVATE KEY}) and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), the last two
 * optionally encrypted the legacy OpenSSL way ({@code Proc-Type: 4,ENCRYPTED}). Public keys:
 * SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}) and PKCS#1 ({@code BEGIN RSA PUBLIC KEY}); an
 * unencrypted private key file is accepted too and its public half used.
 *
 * <p>Supported: Ed25519, ECDSA on P-256, RSA with 2048 or 3072-bit moduli — what MCUboot
 * verifies with SHA-256. Anything else is refused with a message that names the file and what
 * it holds. No message ever contains key bytes or the passphrase.
 */
public final class PemKeys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String ENCRYPTED_PRIVATE = "ENCRYPTED PRIVATE KEY";
    private static final String EC_PRIVATE = "EC PRIVATE KEY";
    private static final String RSA_PRIVATE = "RSA PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String RSA_PUBLIC = "RSA PUBLIC KEY";
    private static final List<String> PRIVATE_LABELS = List.of(PRIVATE, ENCRYPTED_PRIVATE, EC_PRIVATE, RSA_PRIVATE);
    private static final List<String> PUBLIC_LABELS = List.of(PUBLIC, RSA_PUBLIC);

    private PemKeys() {}

    /**
     * Reads the private key in {@code file}.
     *
     * @param passphrase the passphrase of an encrypted key, or null for an unencrypted one; not
     *                   kept, not cleared (the caller owns it)
     * @throws KeyException not a supported key, encrypted without or with a wrong passphrase
     * @throws IOException  the file cannot be read
     */
    public static SigningKey readPrivateKey(Path file, char[] passphrase) throws IOException, KeyException {
        return readPrivateKey(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString(), passphrase);
    }

    /**
     * Reads the private key in PEM {@code text}; {@code source} names it in messages.
     *
     * @see #readPrivateKey(Path, char[])
     */
    public static SigningKey readPrivateKey(String text, String source, char[] passphrase) throws KeyException {
        PemBlock block = firstBlock(text, source, PRIVATE_LABELS, "a private key");
        return privateKeyOf(block, source, passphrase);
    }

    /**
     * Reads the public key in {@code file}: a public key block, or an unencrypted private key
     * whose public half is taken.
     */
    public static VerificationKey readPublicKey(Path file) throws IOException, KeyException {
        return readPublicKey(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString());
    }

    /** Reads the public key in PEM {@code text}; see {@link #readPublicKey(Path)}. */
    public static VerificationKey readPublicKey(String text, String source) throws KeyException {
        List<String> labels = new java.util.ArrayList<>(PUBLIC_LABELS);
        labels.addAll(PRIVATE_LABELS);
        PemBlock block = firstBlock(text, source, labels, "a public key");
        if (PRIVATE_LABELS.contains(block.label())) {
            return privateKeyOf(block, source, null).publicKey();
        }
        try {
            byte[] spki = block.label().equals(RSA_PUBLIC) ? wrapRsaPublic(block.der()) : block.der();
            return publicKeyOf(spki, source);
        } catch (Der.DerException e) {
            throw notAKey(source, block, e);
        }
    }

    /**
     * Reads a public key from DER: a SubjectPublicKeyInfo, or (RSA) a PKCS#1 RSAPublicKey — as
     * found in a {@code PUBKEY} TLV.
     */
    public static VerificationKey publicKeyFromDer(byte[] der, String source) throws KeyException {
        try {
            Der.Reader outer =
                    Der.Reader.of(der).next(Der.SEQUENCE, "public key").children();
            Der.Element first = outer.next("public key");
            byte[] spki = first.tag() == Der.INTEGER ? wrapRsaPublic(der) : der;
            return publicKeyOf(spki, source);
        } catch (Der.DerException e) {
            throw new KeyException(source + ": not a DER public key (" + e.getMessage() + ")");
        }
    }

    static KeyException wrongPassphrase(String source) {
        return new KeyException(source + ": wrong passphrase (the key did not decrypt), or the key file is damaged");
    }

    private static PemBlock firstBlock(String text, String source, List<String> wanted, String what)
            throws KeyException {
        List<PemBlock> blocks = PemBlock.parseAll(text, source);
        for (PemBlock block : blocks) {
            if (wanted.contains(block.label())) {
                return block;
            }
        }
        StringBuilder message = new StringBuilder(source)
                .append(": no ")
                .append(what.substring(2))
                .append(" found; expected a PEM block ");
        for (int i = 0; i < wanted.size(); i++) {
            message.append(i == 0 ? "" : i == wanted.size() - 1 ? " or " : ", ")
                    .append("-----BEGIN ")
                    .append(wanted.get(i))
                    .append("-----");
        }
        if (!blocks.isEmpty()) {
            message.append(" (the file holds:");
            for (PemBlock block : blocks) {
                message.append(" '").append(block.label()).append("' at line ").append(block.beginLine());
            }
            message.append(')');
        } else {
            message.append(" (the file holds no PEM block at all)");
        }
        throw new KeyException(message.toString());
    }

    private static SigningKey privateKeyOf(PemBlock block, String source, char[] passphrase) throws KeyException {
        byte[] der = block.der();
        boolean encrypted = false;
        try {
            if (block.label().equals(ENCRYPTED_PRIVATE)) {
                requirePassphrase(passphrase, source);
                encrypted = true;
                der = KeyDecryption.decryptPkcs8(der, passphrase, source);
            } else if ("4,ENCRYPTED".equals(block.headers().get("Proc-Type"))) {
                requirePassphrase(passphrase, source);
                String dekInfo = block.headers().get("DEK-Info");
                if (dekInfo == null) {
                    throw new KeyException(source + ":" + block.beginLine()
                            + ": the key is marked ENCRYPTED but has no DEK-Info header");
                }
                encrypted = true;
                der = KeyDecryption.decryptLegacy(dekInfo, der, passphrase, source);
            }
        } catch (Der.DerException e) {
            throw notAKey(source, block, e);
        }
        try {
            switch (block.label()) {
                case EC_PRIVATE:
                    return ecKey(der, null, source);
                case RSA_PRIVATE:
                    return rsaKey(der, source);
                default:
                    return pkcs8Key(der, source);
            }
        } catch (Der.DerException e) {
            // A wrong passphrase can get past the padding check (about 1 in 256 tries) and
            // leave garbage that is not DER.
            throw encrypted ? wrongPassphrase(source) : notAKey(source, block, e);
        } finally {
            if (der != block.der()) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static void requirePassphrase(char[] passphrase, String source) throws KeyException {
        if (passphrase == null) {
            throw new KeyException(source + ": the key is encrypted; give its passphrase"
                    + " (for example from a settings.xml <server> or an environment variable)");
        }
    }

    private static KeyException notAKey(String source, PemBlock block, Der.DerException cause) {
        return new KeyException(source + ":" + block.beginLine() + ": the '" + block.label()
                + "' block is not a valid key (" + cause.getMessage() + ")");
    }

    /** PKCS#8 PrivateKeyInfo (v1, or v2 with an optional public key). */
    private static SigningKey pkcs8Key(byte[] der, String source) throws Der.DerException, KeyException {
        Der.Reader info =
                Der.Reader.of(der).next(Der.SEQUENCE, "PrivateKeyInfo").children();
        info.next("PrivateKeyInfo version").integer("PrivateKeyInfo version");
        Der.Reader algorithm = info.next(Der.SEQUENCE, "private key algorithm").children();
        String oid = Der.oidName(algorithm.next("private key algorithm identifier"));
        byte[] privateKey = info.next(Der.OCTET_STRING, "private key").value();
        try {
            switch (oid) {
                case Oids.ED25519:
                    return ed25519Key(privateKey, source);
                case Oids.EC_PUBLIC_KEY:
                    return ecKey(privateKey, curveOf(algorithm.hasMore() ? algorithm.next("EC curve") : null), source);
                case Oids.RSA:
                    return rsaKey(privateKey, source);
                default:
                    throw unsupportedAlgorithm(oid, source);
            }
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static KeyException unsupportedAlgorithm(String oid, String source) {
        return new KeyException(source + ": the key is " + Oids.describe(oid)
                + "; MCUboot signing keys are Ed25519, ECDSA P-256, RSA-2048 or RSA-3072");
    }

    private static String curveOf(Der.Element parameters) throws Der.DerException {
        return parameters == null || parameters.tag() != Der.OID ? null : Der.oidName(parameters);
    }

    private static SigningKey ed25519Key(byte[] privateKeyOctets, String source) throws Der.DerException, KeyException {
        byte[] seed = Der.Reader.of(privateKeyOctets)
                .next(Der.OCTET_STRING, "Ed25519 private key")
                .value();
        try {
            if (seed.length != 32) {
                throw new KeyException(source + ": the Ed25519 private key has " + seed.length + " bytes, expected 32");
            }
            KeyPair pair = Ed25519Keys.fromSeed(seed);
            VerificationKey publicKey = new VerificationKey(
                    KeyType.ED25519, pair.getPublic(), pair.getPublic().getEncoded());
            return new SigningKey(pair.getPrivate(), publicKey);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * SEC1 ECPrivateKey. {@code curveFromPkcs8} is the curve named by a PKCS#8 wrapper, if any;
     * SEC1's own optional {@code [0] parameters} must agree with it.
     */
    private static SigningKey ecKey(byte[] sec1, String curveFromPkcs8, String source)
            throws Der.DerException, KeyException {
        Der.Reader key = Der.Reader.of(sec1).next(Der.SEQUENCE, "ECPrivateKey").children();
        key.next("ECPrivateKey version").integer("ECPrivateKey version");
        BigInteger scalar = new BigInteger(
                1, key.next(Der.OCTET_STRING, "EC private scalar").value());
        String curve = curveFromPkcs8;
        byte[] publicPoint = null;
        while (key.hasMore()) {
            Der.Element field = key.next("ECPrivateKey field");
            if (field.tag() == 0xa0) {
                String named = curveOf(field.children().next("EC curve"));
                if (curve == null) {
                    curve = named;
                } else if (named != null && !named.equals(curve)) {
                    throw new KeyException(source + ": the key names two different curves");
                }
            } else if (field.tag() == 0xa1) {
                publicPoint = field.children().next("EC public key").bitStringBytes("EC public key");
            }
        }
        if (curve == null) {
            throw new KeyException(source + ": the EC key does not name its curve (explicit curve parameters"
                    + " are not supported); MCUboot signs with P-256 (prime256v1)");
        }
        if (!curve.equals(EcP256.CURVE_OID)) {
            throw new KeyException(source + ": the EC key is on curve " + Oids.describe(curve)
                    + "; MCUboot's ECDSA signing key must be on P-256 (prime256v1, secp256r1)");
        }
        ECPoint point =
                publicPoint != null ? EcP256.decodeUncompressed(publicPoint, source) : EcP256.publicPoint(scalar);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(scalar, EcP256.PARAMETERS));
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(point, EcP256.PARAMETERS));
            return new SigningKey(
                    privateKey, new VerificationKey(KeyType.ECDSA_P256, publicKey, publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new KeyException(source + ": the EC key's public point is not on P-256");
        }
    }

    /** PKCS#1 RSAPrivateKey. */
    private static SigningKey rsaKey(byte[] pkcs1, String source) throws Der.DerException, KeyException {
        Der.Reader key =
                Der.Reader.of(pkcs1).next(Der.SEQUENCE, "RSAPrivateKey").children();
        key.next("RSAPrivateKey version").integer("RSAPrivateKey version");
        BigInteger[] fields = new BigInteger[8];
        String[] names = {
            "modulus",
            "public exponent",
            "private exponent",
            "prime 1",
            "prime 2",
            "exponent 1",
            "exponent 2",
            "coefficient"
        };
        for (int i = 0; i < fields.length; i++) {
            fields[i] = key.next("RSA " + names[i]).integer("RSA " + names[i]);
        }
        KeyType type = rsaType(fields[0], source);
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new RSAPrivateCrtKeySpec(
                    fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7]));
            RSAPublicKeySpec publicSpec = new RSAPublicKeySpec(fields[0], fields[1]);
            PublicKey publicKey = factory.generatePublic(publicSpec);
            return new SigningKey(
                    privateKey, new VerificationKey(type, publicKey, rsaPublicPkcs1(fields[0], fields[1])));
        } catch (GeneralSecurityException e) {
            throw new KeyException(source + ": the RSA key's numbers are not a valid key");
        }
    }

    private static KeyType rsaType(BigInteger modulus, String source) throws KeyException {
        switch (modulus.bitLength()) {
            case 2048:
                return KeyType.RSA_2048;
            case 3072:
                return KeyType.RSA_3072;
            default:
                throw new KeyException(source + ": the key is RSA-" + modulus.bitLength()
                        + "; MCUboot supports RSA-2048 and RSA-3072 only");
        }
    }

    private static byte[] rsaPublicPkcs1(BigInteger modulus, BigInteger exponent) {
        return Der.sequence(Der.integer(modulus), Der.integer(exponent));
    }

    private static byte[] wrapRsaPublic(byte[] pkcs1) {
        return Der.sequence(
                Der.sequence(Der.oid(Oids.RSA), Der.nullValue()), Der.encode(Der.BIT_STRING, new byte[] {0}, pkcs1));
    }

    /** A SubjectPublicKeyInfo of a supported type. */
    private static VerificationKey publicKeyOf(byte[] spki, String source) throws Der.DerException, KeyException {
        Der.Reader info =
                Der.Reader.of(spki).next(Der.SEQUENCE, "SubjectPublicKeyInfo").children();
        Der.Reader algorithm = info.next(Der.SEQUENCE, "public key algorithm").children();
        String oid = Der.oidName(algorithm.next("public key algorithm identifier"));
        byte[] keyBits = info.next("public key").bitStringBytes("public key");
        try {
            switch (oid) {
                case Oids.ED25519: {
                    if (keyBits.length != 32) {
                        throw new KeyException(
                                source + ": the Ed25519 public key has " + keyBits.length + " bytes, expected 32");
                    }
                    PublicKey key = KeyFactory.getInstance("Ed25519")
                            .generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
                    return new VerificationKey(KeyType.ED25519, key, key.getEncoded());
                }
                case Oids.EC_PUBLIC_KEY: {
                    String curve = curveOf(algorithm.hasMore() ? algorithm.next("EC curve") : null);
                    if (!EcP256.CURVE_OID.equals(curve)) {
                        throw new KeyException(source + ": the EC key is on curve "
                                + (curve == null ? "given by explicit parameters" : Oids.describe(curve))
                                + "; MCUboot's ECDSA key must be on P-256 (prime256v1, secp256r1)");
                    }
                    ECPoint point = EcP256.decodeUncompressed(keyBits, source);
                    PublicKey key =
                            KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, EcP256.PARAMETERS));
                    return new VerificationKey(KeyType.ECDSA_P256, key, key.getEncoded());
                }
                case Oids.RSA: {
                    Der.Reader rsa = Der.Reader.of(keyBits)
                            .next(Der.SEQUENCE, "RSAPublicKey")
                            .children();
                    BigInteger modulus = rsa.next("RSA modulus").integer("RSA modulus");
                    BigInteger exponent = rsa.next("RSA public exponent").integer("RSA public exponent");
                    KeyType type = rsaType(modulus, source);
                    PublicKey key =
                            KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
                    return new VerificationKey(type, key, rsaPublicPkcs1(modulus, exponent));
                }
                default:
                    throw unsupportedAlgorithm(oid, source);
            }
        } catch (GeneralSecurityException e) {
            throw new KeyException(source + ": the " + Oids.describe(oid) + " public key is not valid");
        }
    }
}
