/**
 * Verifying a signed image: header, hash, key hash and signature, each check with its result and
 * position.
 */
package io.multiimage.signing.verify;
