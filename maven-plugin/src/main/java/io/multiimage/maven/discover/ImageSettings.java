package io.multiimage.maven.discover;

import io.multiimage.maven.CMakeConfig;
import io.multiimage.maven.ChildImage;
import io.multiimage.maven.ExecConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-image settings of one firmware module, wherever they were read from: the running
 * goal's parameters (the module being built) or the effective POM of another module (the
 * top of its tree, or a child module). One shape, so the tree is read the same way for both.
 *
 * @param basedir the module's directory: its application directory
 * @param imageName the image name when the module is the top of a tree (children are named
 *     by their parent's {@code <childImage><name>})
 * @param board board target, may be empty for a child (inherits)
 * @param boardRevision board revision
 * @param domain domain
 * @param toolchain toolchain driver
 * @param sourceDirectory sources for the toolchain driver
 * @param toolchainArguments extra driver arguments
 * @param cmake cmake driver settings, or null
 * @param exec exec driver settings, or null
 * @param childImages the module's child image declarations
 */
public record ImageSettings(Path basedir, String imageName, Optional<String> board, Optional<String> boardRevision,
        Optional<String> domain, Optional<String> toolchain, Path sourceDirectory, List<String> toolchainArguments,
        CMakeConfig cmake, ExecConfig exec, List<ChildImage> childImages) {

    /** Copies the lists. */
    public ImageSettings {
        toolchainArguments = List.copyOf(toolchainArguments);
        childImages = List.copyOf(childImages);
    }

    /** Reads the settings of a module that is not the one running the goal, from its POM. */
    public static ImageSettings fromPom(Path basedir, String artifactId, PluginConfiguration pom) {
        List<ChildImage> children = new ArrayList<>();
        for (PluginConfiguration element : pom.childImages()) {
            ChildImage child = new ChildImage();
            child.setName(element.value("name").orElse(null));
            child.setModule(element.value("module").orElse(null));
            child.setSourceDirectory(element.value("sourceDirectory").orElse(null));
            child.setBoard(element.value("board").orElse(null));
            child.setDomain(element.value("domain").orElse(null));
            child.setBuildStrategy(element.value("buildStrategy").orElse(null));
            child.setHexFile(element.value("hexFile").orElse(null));
            child.setHexArtifact(element.value("hexArtifact").orElse(null));
            child.setSha256(element.value("sha256").orElse(null));
            child.setCondition(element.value("condition").orElse(null));
            children.add(child);
        }
        CMakeConfig cmake = pom.child("cmake").map(c -> {
            CMakeConfig config = new CMakeConfig();
            config.setGenerator(c.value("generator").orElse(null));
            config.setHexFile(c.value("hexFile").orElse(null));
            config.setElfFile(c.value("elfFile").orElse(null));
            return config;
        }).orElse(null);
        ExecConfig exec = pom.child("exec").map(c -> {
            ExecConfig config = new ExecConfig();
            config.setCommand(c.values("command", "arg"));
            config.setWorkingDirectory(c.value("workingDirectory").orElse(null));
            config.setHexFile(c.value("hexFile").orElse(null));
            config.setElfFile(c.value("elfFile").orElse(null));
            return config;
        }).orElse(null);
        return new ImageSettings(basedir, pom.value("imageName").orElse(artifactId), pom.value("board"),
                pom.value("boardRevision"), pom.value("domain"), pom.value("toolchain"),
                pom.value("sourceDirectory").map(basedir::resolve).orElse(basedir.resolve("src/main/c")),
                pom.values("toolchainArguments", "argument"), cmake, exec, children);
    }
}
