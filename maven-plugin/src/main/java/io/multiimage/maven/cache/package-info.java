/**
 * Cooperation with the Apache Maven Build Cache Extension: before any module builds, the key of
 * every firmware module is completed with what decides its outputs (the core's
 * {@link io.multiimage.core.pipeline.TreeInputs}), so that a module is taken from the cache only
 * when the plugin would build the same files.
 */
package io.multiimage.maven.cache;
