/**
 * MCUboot-compatible image signing and verification in plain Java (the JDK's own ECDSA P-256,
 * Ed25519 and RSA-PSS): the entry points, options, versions and the errors a user acts on.
 */
package io.multiimage.signing;
