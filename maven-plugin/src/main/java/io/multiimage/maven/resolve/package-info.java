/**
 * Prebuilt HEX artifacts through Maven's repository system: strict checksums, credentials and
 * masked URLs in messages.
 */
package io.multiimage.maven.resolve;
