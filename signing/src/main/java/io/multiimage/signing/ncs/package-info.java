/**
 * The files the nRF Connect SDK makes for a signed image ({@code _signed.hex}, {@code
 * _update.bin}, {@code _test_update.hex}, {@code _moved_test_update.hex}).
 */
package io.multiimage.signing.ncs;
