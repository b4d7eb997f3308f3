package io.multiimage.maven.cache;

import io.multiimage.core.pipeline.BuildRequest;
import io.multiimage.core.pipeline.BuildScope;
import io.multiimage.core.pipeline.FirmwareBuild;
import io.multiimage.core.pipeline.ImageInputs;
import io.multiimage.core.pipeline.TreeInputs;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.maven.AbstractFirmwareMojo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cache key of each firmware module, or why a module stays out of the cache. A module's key
 * gets the inputs of the images it builds, stated by the core before anything is compiled
 * ({@link FirmwareBuild#inputs}); the top of a tree builds every image's merge, so its key gets
 * every image's inputs, the layout and its lock; how the build signs is part of every key
 * ({@link SigningKey}). A module stays out of the cache when those inputs cannot be stated (its
 * build will say why), when its build is skipped, when it builds no image of its own (a module
 * whose image is prebuilt or left out publishes nothing), or when it signs with a release key.
 */
final class ModuleKeys {

    /** What the key of one module is. */
    sealed interface Outcome {
        /** The module's key gets {@code lines}. */
        record Keyed(List<String> lines, boolean explain) implements Outcome {}

        /** The module stays out of the cache, for {@code reason}. */
        record Excluded(String reason) implements Outcome {}
    }

    private final Optional<String> pluginCode;
    /** The inputs of each whole tree stated so far: every module of a tree shares them. */
    private final Map<BuildRequest, TreeInputs> trees = new HashMap<>();

    /** Keys that also name the plugin's code by {@code pluginCode}. */
    ModuleKeys(Optional<String> pluginCode) {
        this.pluginCode = pluginCode;
    }

    /** The key of the module {@code view} describes. */
    Outcome of(AbstractFirmwareMojo.BuildGoalView view) throws Exception {
        if (view.skipped()) {
            return new Outcome.Excluded("its build is skipped (firmware.skip or firmware.build.skip)");
        }
        BuildRequest request = view.request().request();
        TreeInputs inputs = scoped(treeInputs(view, request), request.scope());
        String moduleImage = request.scope().moduleImage().orElse(request.rootImage());
        Optional<ImageInputs> own = inputs.image(moduleImage);
        if (own.isEmpty()) {
            return new Outcome.Excluded("its image " + moduleImage + " is left out of its tree");
        }
        if (!own.get().strategy().equals("from-source")) {
            return new Outcome.Excluded("its image " + moduleImage + " is not built from source ("
                    + own.get().strategy() + ", " + own.get().strategyOrigin() + ")");
        }
        // The lock file sits in the module's directory, against which a relative key path resolves.
        SigningKey.Part signing =
                SigningKey.of(inputs, view.signing(), view.layoutLock().getParent());
        if (signing instanceof SigningKey.Part.Release release) {
            return new Outcome.Excluded(release.reason());
        }
        SettingsKey.Part settings = SettingsKey.of(
                view.userProperties(),
                view.layoutLock().getParent(),
                view.reportBaseline(),
                request.scope().isWholeTree());
        if (settings instanceof SettingsKey.Part.Uncached uncached) {
            return new Outcome.Excluded(uncached.reason());
        }
        List<String> lines = new ArrayList<>(KeyLines.of(inputs, pluginCode));
        lines.addAll(((SigningKey.Part.Lines) signing).lines());
        lines.addAll(((SettingsKey.Part.Lines) settings).lines());
        if (request.scope().isWholeTree()) {
            lines.add("layout lock " + SigningKey.sha256(view.layoutLock()));
            view.acceptedLayoutChange().ifPresent(reason -> lines.add("layout change accepted: " + reason));
        }
        return new Outcome.Keyed(List.copyOf(lines), request.options().explain());
    }

    /**
     * The inputs of the whole tree {@code request} belongs to, stated once per tree: a module's
     * images have the same inputs in its own scope as in the whole tree's (each image's build
     * step states them alike), so the modules of a tree of N images cost one statement, not N.
     */
    private TreeInputs treeInputs(AbstractFirmwareMojo.BuildGoalView view, BuildRequest request) throws Exception {
        BuildRequest whole = new BuildRequest(
                request.layout(),
                request.rootImage(),
                request.declarations(),
                request.sources(),
                request.variables(),
                request.properties(),
                request.outputDirectory(),
                request.imageDirectories(),
                BuildScope.wholeTree(),
                request.options());
        TreeInputs known = trees.get(whole);
        if (known != null) {
            return known;
        }
        TreeInputs stated = new FirmwareBuild(
                        view.log(), new LocalProcessLauncher(), view.resolver(), view.buildSession())
                .inputs(whole);
        trees.put(whole, stated);
        return stated;
    }

    /** The images of {@code tree} that {@code scope} builds; the layout files only for a whole tree. */
    static TreeInputs scoped(TreeInputs tree, BuildScope scope) {
        if (scope.isWholeTree()) {
            return tree;
        }
        Map<String, ImageInputs> images = new LinkedHashMap<>();
        tree.images().forEach((name, image) -> {
            if (scope.includes(name)) {
                images.put(name, image);
            }
        });
        return new TreeInputs(images, new TreeMap<>());
    }

    /** A log that keeps the core's lines at debug level: the module's own build logs them again. */
    static BuildLog quiet(BuildLog log) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void warn(String message) {
                log.debug(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }

            @Override
            public boolean isDebugEnabled() {
                return log.isDebugEnabled();
            }
        };
    }
}
