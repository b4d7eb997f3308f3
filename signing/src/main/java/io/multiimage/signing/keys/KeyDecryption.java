package io.multiimage.signing.keys;

import io.multiimage.signing.format.Hex;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the two encrypted private key forms openssl writes:
 * <ul>
 *   <li>PKCS#8 {@code BEGIN ENCRYPTED PRIVATE KEY} with PBES2 (RFC 8018): PBKDF2 with
 *       HMAC-SHA-1/224/256/384/512, then AES-128/192/256-CBC or DES-EDE3-CBC;</li>
 *   <li>the legacy "traditional" form, {@code Proc-Type: 4,ENCRYPTED} and
 *       {@code DEK-Info: <cipher>,<iv>} headers on a SEC1 or PKCS#1 block: the key is
 *       OpenSSL's {@code EVP_BytesToKey} with MD5, one round, salted with the IV's first 8
 *       bytes.</li>
 * </ul>
 * The passphrase is used as its UTF-8 bytes, as openssl reads it from a terminal or
 * {@code -passin}. Every temporary copy of it is zeroed.
 */
final class KeyDecryption {

    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";

    private KeyDecryption() {}

    /** Decrypts an EncryptedPrivateKeyInfo into the DER of a PKCS#8 PrivateKeyInfo. */
    static byte[] decryptPkcs8(byte[] encryptedInfo, char[] passphrase, String source)
            throws KeyException, Der.DerException {
        Der.Reader info = Der.Reader.of(encryptedInfo)
                .next(Der.SEQUENCE, "EncryptedPrivateKeyInfo")
                .children();
        Der.Reader algorithm = info.next(Der.SEQUENCE, "encryption algorithm").children();
        String scheme = Der.oidName(algorithm.next("encryption algorithm identifier"));
        if (!scheme.equals(PBES2)) {
            throw new KeyException(
                    source + ": the key is encrypted with " + Oids.describe(scheme)
                            + "; only PBES2 (openssl's default since 1.1, 'openssl pkcs8 -topk8 -v2 aes-256-cbc') is supported");
        }
        Der.Reader pbes2 = algorithm.next(Der.SEQUENCE, "PBES2 parameters").children();
        Der.Reader kdf = pbes2.next(Der.SEQUENCE, "key derivation function").children();
        String kdfName = Der.oidName(kdf.next("key derivation function identifier"));
        if (!kdfName.equals(PBKDF2)) {
            throw new KeyException(source + ": the key's passphrase is stretched with " + Oids.describe(kdfName)
                    + "; only PBKDF2 is supported (re-encrypt with 'openssl pkcs8 -topk8 -v2 aes-256-cbc')");
        }
        Der.Reader kdfParameters = kdf.next(Der.SEQUENCE, "PBKDF2 parameters").children();
        byte[] salt = kdfParameters.next(Der.OCTET_STRING, "PBKDF2 salt").value();
        int iterations = kdfParameters
                .next("PBKDF2 iteration count")
                .integer("PBKDF2 iteration count")
                .intValueExact();
        Der.Element keyLengthField = kdfParameters.optional(Der.INTEGER);
        String prf = "1.2.840.113549.2.7"; // hmacWithSHA1, the RFC 8018 default
        Der.Element prfField = kdfParameters.optional(Der.SEQUENCE);
        if (prfField != null) {
            prf = Der.oidName(prfField.children().next("PBKDF2 pseudo-random function"));
        }
        Der.Reader encryption = pbes2.next(Der.SEQUENCE, "encryption scheme").children();
        String cipherOid = Der.oidName(encryption.next("encryption scheme identifier"));
        BlockCipher cipher = BlockCipher.ofOid(cipherOid, source);
        byte[] iv = encryption.next(Der.OCTET_STRING, "encryption IV").value();
        byte[] encrypted = info.next(Der.OCTET_STRING, "encrypted key").value();
        int keyLength = keyLengthField == null
                ? cipher.keyLength
                : keyLengthField.integer("key length").intValueExact();
        if (iterations < 1 || keyLength != cipher.keyLength) {
            throw new KeyException(source + ": the PBES2 parameters are inconsistent (iterations " + iterations
                    + ", key length " + keyLength + ")");
        }
        byte[] password = utf8(passphrase);
        byte[] key = null;
        try {
            key = pbkdf2(Oids.hmacName(prf, source), password, salt, iterations, keyLength);
            return cipher.decrypt(key, iv, encrypted, source);
        } finally {
            Arrays.fill(password, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** Decrypts a traditional (SEC1 or PKCS#1) block that carries a {@code DEK-Info} header. */
    static byte[] decryptLegacy(String dekInfo, byte[] encrypted, char[] passphrase, String source)
            throws KeyException {
        int comma = dekInfo.indexOf(',');
        if (comma < 0) {
            throw new KeyException(source + ": malformed DEK-Info header (expected '<cipher>,<iv in hex>')");
        }
        BlockCipher cipher = BlockCipher.ofName(dekInfo.substring(0, comma).strip(), source);
        byte[] iv;
        try {
            iv = Hex.parse(dekInfo.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new KeyException(source + ": the DEK-Info IV is not hex");
        }
        if (iv.length != cipher.blockSize) {
            throw new KeyException(source + ": the DEK-Info IV has " + iv.length + " bytes, " + cipher.name + " needs "
                    + cipher.blockSize);
        }
        byte[] password = utf8(passphrase);
        byte[] key = null;
        try {
            key = bytesToKey(password, Arrays.copyOf(iv, 8), cipher.keyLength);
            return cipher.decrypt(key, iv, encrypted, source);
        } finally {
            Arrays.fill(password, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** OpenSSL's EVP_BytesToKey(MD5, count 1): D_i = MD5(D_{i-1} || password || salt). */
    private static byte[] bytesToKey(byte[] password, byte[] salt, int keyLength) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[keyLength];
            byte[] block = new byte[0];
            for (int filled = 0; filled < keyLength; ) {
                md5.update(block);
                md5.update(password);
                md5.update(salt);
                block = md5.digest();
                int take = Math.min(block.length, keyLength - filled);
                System.arraycopy(block, 0, key, filled, take);
                filled += take;
            }
            Arrays.fill(block, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    /** PBKDF2 (RFC 8018 section 5.2) over raw password bytes. */
    static byte[] pbkdf2(String hmac, byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = Mac.getInstance(hmac);
            // HMAC accepts an empty key, but SecretKeySpec does not: a one-zero-byte key is the
            // same HMAC key (keys are zero-padded to the block size).
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, hmac));
            int hashLength = mac.getMacLength();
            byte[] output = new byte[length];
            for (int block = 1, filled = 0; filled < length; block++) {
                mac.update(salt);
                mac.update(ByteBuffer.allocate(4).putInt(block).array());
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                int take = Math.min(hashLength, length - filled);
                System.arraycopy(t, 0, output, filled, take);
                filled += take;
                Arrays.fill(t, (byte) 0);
                Arrays.fill(u, (byte) 0);
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hmac, e);
        }
    }

    private static byte[] utf8(char[] passphrase) throws KeyException {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(passphrase));
            byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new KeyException("the passphrase is not valid Unicode text");
        }
    }

    /** The CBC ciphers openssl offers for key files. */
    private enum BlockCipher {
        AES_128("AES-128-CBC", "2.16.840.1.101.3.4.1.2", "AES", 16, 16),
        AES_192("AES-192-CBC", "2.16.840.1.101.3.4.1.22", "AES", 24, 16),
        AES_256("AES-256-CBC", "2.16.840.1.101.3.4.1.42", "AES", 32, 16),
        DES_EDE3("DES-EDE3-CBC", "1.2.840.113549.3.7", "DESede", 24, 8);

        final String name;
        final String oid;
        final String jcaName;
        final int keyLength;
        final int blockSize;

        BlockCipher(String name, String oid, String jcaName, int keyLength, int blockSize) {
            this.name = name;
            this.oid = oid;
            this.jcaName = jcaName;
            this.keyLength = keyLength;
            this.blockSize = blockSize;
        }

        static BlockCipher ofOid(String oid, String source) throws KeyException {
            for (BlockCipher cipher : values()) {
                if (cipher.oid.equals(oid)) {
                    return cipher;
                }
            }
            throw new KeyException(source + ": the key is encrypted with " + Oids.describe(oid)
                    + "; supported: AES-128/192/256-CBC, DES-EDE3-CBC");
        }

        static BlockCipher ofName(String name, String source) throws KeyException {
            for (BlockCipher cipher : values()) {
                if (cipher.name.equals(name.toUpperCase(Locale.ROOT))) {
                    return cipher;
                }
            }
            throw new KeyException(source + ": the key is encrypted with " + name
                    + "; supported: AES-128-CBC, AES-192-CBC, AES-256-CBC, DES-EDE3-CBC");
        }

        byte[] decrypt(byte[] key, byte[] iv, byte[] encrypted, String source) throws KeyException {
            try {
                Cipher cipher = Cipher.getInstance(jcaName + "/CBC/PKCS5Padding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, jcaName), new IvParameterSpec(iv));
                return cipher.doFinal(encrypted);
            } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
                throw PemKeys.wrongPassphrase(source);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks " + name, e);
            }
        }
    }
}
