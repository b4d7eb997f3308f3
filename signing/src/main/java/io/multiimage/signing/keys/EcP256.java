package io.multiimage.signing.keys;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * The NIST P-256 curve: its JCA parameters, and the public point {@code d·G} of a private
 * scalar for key files that omit it (SEC1 and PKCS#8 make the public key optional, and Java's
 * own PKCS#8 encoding leaves it out). Plain affine arithmetic: it runs once per key load, on the
 * build machine, so neither speed nor constant time matters here.
 */
final class EcP256 {

    static final String CURVE_OID = "1.2.840.10045.3.1.7";
    static final ECParameterSpec PARAMETERS = parameters();

    private static final BigInteger P = ((ECFieldFp) PARAMETERS.getCurve().getField()).getP();
    private static final BigInteger A = PARAMETERS.getCurve().getA();

    private EcP256() {}

    private static ECParameterSpec parameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks the P-256 curve", e);
        }
    }

    /** {@code scalar·G}. */
    static ECPoint publicPoint(BigInteger scalar) {
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = PARAMETERS.getGenerator();
        for (int bit = 0; bit < scalar.bitLength(); bit++) {
            if (scalar.testBit(bit)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    private static ECPoint add(ECPoint p, ECPoint q) {
        if (p.equals(ECPoint.POINT_INFINITY)) {
            return q;
        }
        if (q.equals(ECPoint.POINT_INFINITY)) {
            return p;
        }
        BigInteger x1 = p.getAffineX();
        BigInteger y1 = p.getAffineY();
        BigInteger x2 = q.getAffineX();
        BigInteger y2 = q.getAffineY();
        BigInteger slope;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            slope = x1.pow(2)
                    .multiply(BigInteger.valueOf(3))
                    .add(A)
                    .multiply(y1.shiftLeft(1).modInverse(P))
                    .mod(P);
        } else {
            slope = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(P)).mod(P);
        }
        BigInteger x3 = slope.pow(2).subtract(x1).subtract(x2).mod(P);
        BigInteger y3 = slope.multiply(x1.subtract(x3)).subtract(y1).mod(P);
        return new ECPoint(x3, y3);
    }

    /** The point of an uncompressed SEC1 encoding {@code 04 || X || Y}. */
    static ECPoint decodeUncompressed(byte[] encoded, String source) throws KeyException {
        if (encoded.length != 65 || encoded[0] != 0x04) {
            throw new KeyException(source + ": the EC public key is not an uncompressed P-256 point"
                    + " (expected 65 bytes starting with 04)");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1, 33));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 33, 65));
        return new ECPoint(x, y);
    }
}
