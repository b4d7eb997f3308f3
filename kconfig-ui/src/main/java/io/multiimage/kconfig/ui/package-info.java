/**
 * The Kconfig configuration interfaces over one model of an image's configuration
 * ({@link io.multiimage.kconfig.ui.ConfigModel}): menuconfig in a terminal (JLine) and guiconfig as
 * a local web page bound to 127.0.0.1 with a per-session token. Both save the minimal difference as
 * a fragment that the child-image rules read. Kept apart from core so that JLine is only on the
 * classpath of the goals that show a UI.
 */
package io.multiimage.kconfig.ui;
