/**
 * The ports: what core needs from the build tool that runs it (a log, a way to run processes, a
 * resolver for prebuilt HEX artifacts). Implementations live elsewhere ({@code process}, the
 * Maven plugin).
 */
package io.multiimage.core.spi;
