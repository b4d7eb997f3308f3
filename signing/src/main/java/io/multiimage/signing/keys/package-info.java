/**
 * Keys as CI teams hold them: PEM in PKCS#8, SEC1 and PKCS#1 form, encrypted or not, key hashes,
 * development-key rules; nothing of a key or passphrase in any message.
 */
package io.multiimage.signing.keys;
