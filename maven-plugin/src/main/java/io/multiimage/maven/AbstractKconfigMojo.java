package io.multiimage.maven;

import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.pipeline.KconfigSessions;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the per-image Kconfig goals share ({@code menuconfig}, {@code guiconfig}, {@code kconfig}):
 * the image to open ({@code -Dfirmware.image}, default this module's own image) and opening it
 * as the build configures it. In a reactor the goal acts only in the module that builds the
 * image, so {@code mvn firmware:menuconfig -Dfirmware.image=mcuboot} at the root opens it once.
 */
abstract class AbstractKconfigMojo extends AbstractFirmwareMojo {

    /**
     * The image to configure, any image of this module's tree that is built from source and has
     * a Kconfig tree; default: this module's own image.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.IMAGE)
    protected String image;

    /**
     * The fragment file the configuration interfaces save the changes to; default: the plain
     * board file of the image's Kconfig row ({@code boards/<board>.conf} in the image's directory
     * for row A), which the child-image rules read on every build. A file the rules do not read
     * must be added with {@code -D<img>_EXTRA_CONF_FILE}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.KCONFIG_FRAGMENT)
    protected File fragment;

    /**
     * The configuration interfaces also write the build's {@code .config} and {@code autoconf.h}
     * (in {@code target/firmware/<image>/}) when saving. The next build writes them again from
     * the fragments, which is why the changes are also saved as a fragment.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.KCONFIG_WRITE_CONFIG, defaultValue = "false")
    protected boolean writeConfig;

    protected AbstractKconfigMojo(MavenComponents components) {
        super(components);
    }

    /** The chosen image's session, or empty when another module of this build owns the image. */
    protected Optional<ImageKconfigSession> openSession() throws MojoExecutionException, MojoFailureException {
        return runCore(request -> {
            String name = image != null && !image.isBlank()
                    ? image.trim()
                    : request.scope().moduleImage().orElse(request.rootImage());
            if (!request.scope().includes(name) && request.imageDirectories().containsKey(name)) {
                getLog().info(name + " is configured in its own module; nothing to do in " + project.getArtifactId());
                return Optional.empty();
            }
            if (!request.scope().includes(name)
                    && !request.scope().isWholeTree()
                    && request.declarations().stream().anyMatch(d -> d.name().equals(name))) {
                getLog().info(name + " is built by another module; nothing to do in " + project.getArtifactId());
                return Optional.empty();
            }
            return Optional.of(KconfigSessions.open(request, name, buildLog()));
        });
    }

    /** The fragment parameter as a path. */
    protected Optional<Path> fragmentPath() {
        return Optional.ofNullable(fragment).map(File::toPath);
    }
}
