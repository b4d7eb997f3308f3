/**
 * {@code dfu_application.zip} with its {@code manifest.json}, reproducible byte for byte.
 */
package io.multiimage.signing.dfu;
