package io.multiimage.core.config;

/**
 * The rows of child-image-rules §3, in the order they are tried: the first row whose base
 * file exists is used (rows H and B only with a build type; rows H and G only for a child,
 * since the top-level image has no {@code child_image/} folder).
 */
public enum KconfigRow {
    /** {@code child_image/<img>/prj_<bt>.conf} with board files F, F'. */
    H('H', 'F', true, true),
    /** The image's {@code prj_<bt>.conf} with board files D, D'. */
    B('B', 'D', true, false),
    /** {@code child_image/<img>/prj.conf} with board files E, E'. */
    G('G', 'E', false, true),
    /** The image's {@code prj.conf} with board files C, C'. */
    A('A', 'C', false, false);

    private final char base;
    private final char boardFiles;
    private final boolean needsBuildType;
    private final boolean inFolder;

    KconfigRow(char base, char boardFiles, boolean needsBuildType, boolean inFolder) {
        this.base = base;
        this.boardFiles = boardFiles;
        this.needsBuildType = needsBuildType;
        this.inFolder = inFolder;
    }

    /** The letter of the base file (same as the row's). */
    public char base() {
        return base;
    }

    /** The letter of the row's board file (its revision companion is the primed letter). */
    public char boardFiles() {
        return boardFiles;
    }

    /** True for rows that exist only with a non-empty build type. */
    public boolean needsBuildType() {
        return needsBuildType;
    }

    /** True for rows whose files live in the parent's {@code child_image/<img>/} folder. */
    public boolean inFolder() {
        return inFolder;
    }
}
