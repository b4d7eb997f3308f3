package io.multiimage.maven;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.net.URI;

/** Opens an address in the user's browser: {@code java.awt.Desktop} where it works, else {@code xdg-open}. */
final class BrowserLauncher {

    private BrowserLauncher() {}

    /** True when a browser was asked to open {@code address}. */
    static boolean open(URI address) {
        try {
            if (!GraphicsEnvironment.isHeadless()
                    && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(address);
                return true;
            }
        } catch (Exception | LinkageError e) {
            // no desktop integration: try xdg-open
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((display == null || display.isEmpty()) && (wayland == null || wayland.isEmpty())) {
            return false;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File xdgOpen = new File(dir, "xdg-open");
            if (xdgOpen.canExecute()) {
                try {
                    new ProcessBuilder(xdgOpen.getPath(), address.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    return true;
                } catch (Exception e) {
                    return false;
                }
            }
        }
        return false;
    }
}
