package io.multiimage.maven;

import java.io.File;

/**
 * {@code <signing>}: how the images the layout puts in an MCUboot-format slot are signed (the
 * application in {@code mcuboot_primary}, a second stage in b0's {@code s0}). Which images, the
 * header size, the slot size and the alignment come from the partition layout and the board; this
 * element only says with what key and which version. Each element can be overridden on the
 * command line with the property named.
 *
 * <pre>{@code
 * <signing>
 *   <keyFile>../keys/dev-ed25519.pem</keyFile>          <!-- firmware.signing.keyFile -->
 *   <developmentKey>true</developmentKey>               <!-- refused by a release build -->
 *   <passphraseServer>release-key</passphraseServer>   <!-- settings.xml <server><password> -->
 *   <passphraseEnv>RELEASE_KEY_PASSPHRASE</passphraseEnv>
 *   <publicKeyFile>keys/release.pub.pem</publicKeyFile> <!-- sign-later, firmware:verify -->
 *   <version>1.2.3+4</version>                          <!-- default: the POM version -->
 *   <signLater>true</signLater>                         <!-- write <image>.to-sign instead -->
 *   <signatureDirectory>signatures</signatureDirectory> <!-- <image>.sig from the signer -->
 * </signing>
 * }</pre>
 */
public class Signing {

    private File keyFile;
    private boolean developmentKey;
    private String passphraseServer;
    private String passphraseEnv;
    private File publicKeyFile;
    private String version;
    private boolean signLater;
    private File signatureDirectory;
    private Integer align;

    /** The private key (PEM: PKCS#8, encrypted PKCS#8, SEC1, PKCS#1). */
    public File getKeyFile() {
        return keyFile;
    }

    public void setKeyFile(File keyFile) {
        this.keyFile = keyFile;
    }

    /** True for a development key: it cannot sign a {@code release} build. */
    public boolean isDevelopmentKey() {
        return developmentKey;
    }

    public void setDevelopmentKey(boolean developmentKey) {
        this.developmentKey = developmentKey;
    }

    /** The id of the settings.xml {@code <server>} whose {@code <password>} is the key's passphrase. */
    public String getPassphraseServer() {
        return passphraseServer;
    }

    public void setPassphraseServer(String passphraseServer) {
        this.passphraseServer = passphraseServer;
    }

    /** The environment variable holding the key's passphrase. */
    public String getPassphraseEnv() {
        return passphraseEnv;
    }

    public void setPassphraseEnv(String passphraseEnv) {
        this.passphraseEnv = passphraseEnv;
    }

    /** The public key (sign-later; what {@code firmware:verify} checks against). */
    public File getPublicKeyFile() {
        return publicKeyFile;
    }

    public void setPublicKeyFile(File publicKeyFile) {
        this.publicKeyFile = publicKeyFile;
    }

    /** The image version in imgtool's syntax, {@code major.minor.revision+build}. */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /** Write what an external signer must sign instead of signing. */
    public boolean isSignLater() {
        return signLater;
    }

    public void setSignLater(boolean signLater) {
        this.signLater = signLater;
    }

    /** Where sign-later's detached signatures are, one {@code <image>.sig} per image. */
    public File getSignatureDirectory() {
        return signatureDirectory;
    }

    public void setSignatureDirectory(File signatureDirectory) {
        this.signatureDirectory = signatureDirectory;
    }

    /** The flash write alignment; default: the board's {@code write-block-size}. */
    public Integer getAlign() {
        return align;
    }

    public void setAlign(Integer align) {
        this.align = align;
    }

    /** Names the key file only: the element never holds a secret. */
    @Override
    public String toString() {
        return "signing(keyFile=" + keyFile + ", developmentKey=" + developmentKey + ", signLater=" + signLater + ")";
    }
}
