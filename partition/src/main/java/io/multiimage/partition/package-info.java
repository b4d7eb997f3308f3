/**
 * The partition manager, compatible with the nRF Connect SDK's: {@code pm.yml} requests and
 * {@code pm_static.yml} layouts in, one layout per domain out ({@code partitions.yml}, {@code
 * regions.yml}, {@code pm_config.h}, {@code pm.config}), with the SDK's placement algorithm and
 * errors naming FILE:LINE. Its own YAML reader and writer. No dependency on Maven.
 */
package io.multiimage.partition;
