package io.multiimage.kconfig.ui;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.pipeline.BuildOptions;
import io.multiimage.core.pipeline.BuildRequest;
import io.multiimage.core.pipeline.KconfigSessions;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A one-image project with a Kconfig tree that the interface tests edit. */
final class UiFixture {

    static final String KCONFIG = """
            mainmenu "Widget firmware"

            menu "Application"

            config APP_FEATURE
            	bool "Optional feature"
            	select APP_LOGGING
            	help
            	  Turns on the optional feature; it needs logging.

            config APP_LOGGING
            	bool "Logging"

            config APP_LOOPS
            	int "Loops"
            	range 1 100
            	default 10
            	help
            	  Busy-wait iterations between two LED toggles.

            config APP_NAME
            	string "Name"
            	default "widget"

            config APP_DEBUG_LEVEL
            	int "Debug level"
            	depends on APP_DEBUG
            	default 1

            config APP_DEBUG
            	bool "Debugging"

            choice APP_MODE
            	prompt "Mode"
            	default APP_MODE_FAST

            config APP_MODE_SLOW
            	bool "Slow"

            config APP_MODE_FAST
            	bool "Fast"

            endchoice

            endmenu

            menu "Child images"

            module = MCUBOOT
            source "$(MULTIIMAGE_KCONFIG)/Kconfig.template.build_strategy"

            endmenu
            """;

    private UiFixture() {}

    /** Writes {@code app/Kconfig} and {@code app/prj.conf} under {@code root}. */
    static void write(Path root) throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/Kconfig"), KCONFIG);
        Files.writeString(root.resolve("app/prj.conf"), "CONFIG_APP_NAME=\"gadget\"\n");
    }

    /** The build request of the one image. */
    static BuildRequest request(Path root) {
        return BuildRequest.builder(
                        new ProjectLayout(root),
                        "app",
                        List.of(ImageDeclaration.builder("app", root.resolve("app"))
                                .board("qemu_cortex_m3")
                                .build()),
                        root.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
    }

    /** The image opened as the interfaces open it (as the next build configures it). */
    static ImageKconfigSession open(Path root) throws Exception {
        return KconfigSessions.open(request(root), "app", BuildLog.silent());
    }
}
