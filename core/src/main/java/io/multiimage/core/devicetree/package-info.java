/**
 * Devicetree sources: a C preprocessor, parser, overlay merger and writer byte-compatible with
 * dtc, and the memory facts placement reads.
 */
package io.multiimage.core.devicetree;
