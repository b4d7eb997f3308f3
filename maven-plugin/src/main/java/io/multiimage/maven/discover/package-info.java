/**
 * Discovering image trees in the reactor: which module is whose child, each module's
 * configuration bound by Maven's own configurator, ownership of images and which module a failure
 * belongs to.
 */
package io.multiimage.maven.discover;
