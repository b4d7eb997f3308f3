package io.multiimage.kconfig.ui;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.pipeline.BuildOptions;
import io.multiimage.core.pipeline.BuildRequest;
import io.multiimage.core.pipeline.KconfigSessions;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;

/**
 * The configuration interfaces without Maven, for one image in a directory:
 *
 * <pre>
 * java -cp ... io.multiimage.kconfig.ui.KconfigUiMain menuconfig|guiconfig PROJECT_ROOT IMAGE_DIR BOARD [--fragment FILE] [--write-config]
 * </pre>
 *
 * {@code IMAGE_DIR} is relative to {@code PROJECT_ROOT}; the image is named after it. guiconfig
 * prints its address and serves until the page's Quit. Exit 0, or 1 with the message on
 * standard error for a configuration error, 2 for a usage error.
 */
public final class KconfigUiMain {

    private KconfigUiMain() {}

    /** Runs the interface named by the first argument. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException, InterruptedException {
        if (args.length < 4 || !List.of("menuconfig", "guiconfig").contains(args[0])) {
            System.err.println("usage: KconfigUiMain menuconfig|guiconfig PROJECT_ROOT IMAGE_DIR BOARD"
                    + " [--fragment FILE] [--write-config]");
            return 2;
        }
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        Path imageDir = root.resolve(args[2]).normalize();
        String image = imageDir.getFileName().toString();
        Optional<Path> fragment = Optional.empty();
        boolean writeConfig = false;
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--fragment") && i + 1 < args.length) {
                fragment = Optional.of(root.resolve(args[++i]));
            } else if (args[i].equals("--write-config")) {
                writeConfig = true;
            } else {
                System.err.println("unknown option " + args[i]);
                return 2;
            }
        }
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(root),
                        image,
                        List.of(ImageDeclaration.builder(image, imageDir)
                                .board(args[3])
                                .build()),
                        imageDir.resolve("target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
        ImageKconfigSession session;
        try {
            session = KconfigSessions.open(request, image, BuildLog.silent());
        } catch (FirmwareException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        ConfigModel model = new ConfigModel(session);
        if (args[0].equals("menuconfig")) {
            try (Terminal terminal = TerminalMenuconfig.systemTerminal()) {
                new TerminalMenuconfig(model, terminal, fragment, writeConfig, System.out::println).run();
            }
        } else {
            try (WebGuiconfig web = new WebGuiconfig(model, fragment, System.out::println)) {
                System.out.println("guiconfig: " + web.address());
                web.awaitQuit(Long.MAX_VALUE, TimeUnit.DAYS);
            }
        }
        return 0;
    }
}
