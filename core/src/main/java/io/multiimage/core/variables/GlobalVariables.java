package io.multiimage.core.variables;

import java.util.Set;

/**
 * The variables that reach every image of the tree (the seed: "build settings ... are
 * always passed to child images"). A child receives its parent's value unless it received
 * an image-specific value of the same name, which wins and is then what its own children
 * receive.
 *
 * <p>Board, board revision, domain, build type and toolchain also reach every image, but
 * through the resolved image context (child-image-rules §2, {@code ImageContextResolver}),
 * not as variables, because their inheritance has more rules than "parent's value".
 */
public final class GlobalVariables {

    /** The extra arguments for every child (a {@code ;} list), the seed's {@code EXTRA_MULTI_IMAGE_CMAKE_ARGS}. */
    public static final String EXTRA_CHILD_ARGS = "EXTRA_MULTI_IMAGE_CMAKE_ARGS";

    /** Names of the global variables. */
    public static final Set<String> NAMES = Set.of(
            "CMAKE_BUILD_TYPE",
            "CMAKE_VERBOSE_MAKEFILE",
            "VERBOSE",
            "CMAKE_BUILD_PARALLEL_LEVEL",
            "MULTI_IMAGE_DEBUG_MAKEFILE",
            EXTRA_CHILD_ARGS);

    private GlobalVariables() {}

    /** True when {@code name} is a global variable. */
    public static boolean isGlobal(String name) {
        return NAMES.contains(name);
    }
}
