package io.multiimage.signing.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 key pairs from a 32-byte private seed. Java 17 has no API that derives the public key
 * of an {@code EdECPrivateKey}, but its key pair generator draws exactly one 32-byte seed from
 * its random source and derives the public key from it: giving it a source that yields the
 * seed reproduces the pair. The pair is then checked by a signature round trip, so a JDK that
 * drew its seed differently would fail loudly instead of producing a wrong KEYHASH.
 */
final class Ed25519Keys {

    private static final int SEED_LENGTH = 32;

    private Ed25519Keys() {}

    static KeyPair fromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            checkPair(pair);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    private static void checkPair(KeyPair pair) throws GeneralSecurityException {
        byte[] probe = {'m', 'c', 'u', 'b', 'o', 'o', 't'};
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("deriving an Ed25519 public key from its seed failed on this JDK");
        }
    }

    /** Yields the seed once; any further request means the generator changed how it works. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private transient byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 key pair generator asked for unexpected random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            java.util.Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }
}
