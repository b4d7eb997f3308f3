/**
 * Forwarding the seed's variables ({@code -D<img>_VAR}) to the images that receive them.
 */
package io.multiimage.core.variables;
