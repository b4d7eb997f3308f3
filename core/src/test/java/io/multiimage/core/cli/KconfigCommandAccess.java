package io.multiimage.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Lets tests in other packages run {@link KconfigCommand} with a working directory of their own. */
public final class KconfigCommandAccess {

    private KconfigCommandAccess() {}

    /** {@link KconfigCommand#run(List, PrintStream, PrintStream, Path)}. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Path workingDir) {
        return KconfigCommand.run(args, out, err, workingDir);
    }
}
