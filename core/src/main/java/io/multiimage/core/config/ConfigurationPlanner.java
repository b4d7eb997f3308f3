package io.multiimage.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses an image's Kconfig fragments and devicetree overlays by the child-image rules
 * (§3 rows, §4 merge order, §5 overlays, §7 errors). The top-level image follows the same
 * table without the folder rows and without (I)/(J) and the {@code child_image/} overlays.
 *
 * <p>File letters (paths for the image {@code img}, board token {@code <board>}, revision
 * token {@code <rev>}, build type {@code <bt>}):
 * (A) {@code prj.conf}, (B) {@code prj_<bt>.conf}, (C) {@code boards/<board>.conf},
 * (D) {@code boards/<board>_<bt>.conf} in the image dir; (G) {@code prj.conf},
 * (H) {@code prj_<bt>.conf}, (E) {@code boards/<board>.conf}, (F) {@code boards/<board>_<bt>.conf}
 * in the parent's {@code child_image/img/}; (I) {@code child_image/img.conf},
 * (J) {@code child_image/img_<bt>.conf} in the parent dir. A primed letter is the revision
 * companion ({@code <board>_<rev>} in place of {@code <board>}).
 */
public final class ConfigurationPlanner {

    private final ProjectLayout layout;

    /** A planner that names files relative to {@code layout}'s root. */
    public ConfigurationPlanner(ProjectLayout layout) {
        this.layout = layout;
    }

    /**
     * The plan for {@code image}.
     *
     * @throws ConfigurationRuleException with the exact §7 message, checks in table order
     */
    public ConfigurationPlan plan(ImageContext image) throws ConfigurationRuleException {
        return new Planning(image).run();
    }

    /** State of one planning run. */
    private final class Planning {
        private final ImageContext image;
        private final String bt;
        private final List<String> notes = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Planning(ImageContext image) {
            this.image = image;
            this.bt = image.buildType();
        }

        ConfigurationPlan run() throws ConfigurationRuleException {
            KconfigRow row = chooseRow();
            List<SelectedFile> files = new ArrayList<>(baseFiles(row));
            files.addAll(boardFiles(row));
            List<SelectedFile> appended = new ArrayList<>();
            appended.addAll(named("EXTRA_CONF_FILE", "EXTRA_CONF_FILE item %d"));
            appended.addAll(childFragment());
            List<SelectedFile> older =
                    named("OVERLAY_CONFIG", "OVERLAY_CONFIG item %d (older name of EXTRA_CONF_FILE)");
            if (!older.isEmpty()) {
                warnings.add(prefix() + "OVERLAY_CONFIG is deprecated; use EXTRA_CONF_FILE (same meaning)");
            }
            appended.addAll(older);
            files.addAll(lastOccurrenceOnly(appended));
            explainUnused(row, files);
            List<SelectedFile> overlays = overlays();
            return new ConfigurationPlan(
                    image.name(),
                    row,
                    files,
                    new java.util.TreeMap<>(image.variables().configValues()),
                    overlays,
                    notes,
                    warnings);
        }

        private String prefix() {
            return image.name() + ": ";
        }

        /** §3: the first row whose base file exists; unmet requirements are errors. */
        private KconfigRow chooseRow() throws ConfigurationRuleException {
            for (KconfigRow row : KconfigRow.values()) {
                if ((row.needsBuildType() && bt.isEmpty()) || (row.inFolder() && !image.isChild())) {
                    continue;
                }
                if (row == KconfigRow.A) {
                    requireIfPresent('E', 'G');
                    note("Kconfig row A: the image's own prj.conf (A) and board files (C) apply");
                    return row;
                }
                if (Files.isRegularFile(file(row.base(), false))) {
                    note("Kconfig row " + row + ": " + location(file(row.base(), false)) + " (" + row.base()
                            + ") exists");
                    return row;
                }
                if (row == KconfigRow.H) {
                    requireIfPresent('F', 'H');
                }
            }
            throw new IllegalStateException("row A always applies");
        }

        /** A note for every lettered file that exists but is not merged, saying why. */
        private void explainUnused(KconfigRow row, List<SelectedFile> chosen) {
            java.util.Set<Path> used = new java.util.HashSet<>();
            chosen.forEach(f -> used.add(f.path()));
            for (char letter : "ABCDEFGHIJ".toCharArray()) {
                boolean needsBuildType = "BDFHJ".indexOf(letter) >= 0;
                boolean childOnly = "EFGHIJ".indexOf(letter) >= 0;
                if ((needsBuildType && bt.isEmpty()) || (childOnly && !image.isChild())) {
                    continue;
                }
                for (boolean companion : new boolean[] {false, true}) {
                    if (companion
                            && ("CDEF".indexOf(letter) < 0
                                    || image.revisionToken().isEmpty())) {
                        continue;
                    }
                    Path path = file(letter, companion);
                    if (Files.isRegularFile(path) && !used.contains(path)) {
                        notes.add(prefix() + location(path) + " (" + letter + (companion ? "'" : "") + ") not used: "
                                + unusedReason(letter, row));
                    }
                }
            }
        }

        private String unusedReason(char letter, KconfigRow row) {
            if (letter == 'I') {
                return "build type " + bt + " uses (J) instead";
            }
            if (letter == row.base()) {
                return "CONF_FILE replaces the base file";
            }
            return "Kconfig row " + row + " applies";
        }

        private void note(String text) {
            notes.add(prefix() + text);
        }

        /** (E) requires (G), (F) requires (H): error if the board file or its companion exists. */
        private void requireIfPresent(char boardFile, char required) throws ConfigurationRuleException {
            if (!image.isChild()) {
                return;
            }
            for (boolean companion : new boolean[] {false, true}) {
                if (companion && image.revisionToken().isEmpty()) {
                    continue;
                }
                Path present = file(boardFile, companion);
                if (Files.isRegularFile(present)) {
                    throw new ConfigurationRuleException(
                            image.name(),
                            location(present),
                            "Child image '" + image.name() + "': " + location(present) + " (" + boardFile
                                    + ") requires " + location(file(required, false)) + " (" + required
                                    + "), which does not exist");
                }
            }
        }

        private List<SelectedFile> baseFiles(KconfigRow row) throws ConfigurationRuleException {
            Optional<String> confFile = image.variables().imageSpecific("CONF_FILE");
            if (confFile.isPresent()) {
                note("CONF_FILE replaces the base file (" + row.base() + ") of row " + row);
                return named(
                        "CONF_FILE", "CONF_FILE item %d, replacing the base file (" + row.base() + ") of row " + row);
            }
            Path base = file(row.base(), false);
            if (!Files.isRegularFile(base)) {
                String who = image.isChild() ? "Child image '" : "Image '";
                throw new ConfigurationRuleException(
                        image.name(),
                        location(image.imageDir()),
                        who + image.name() + "': no prj.conf in " + location(image.imageDir()));
            }
            return List.of(selected(base, "(" + row.base() + ") base file of row " + row));
        }

        private List<SelectedFile> boardFiles(KconfigRow row) {
            List<SelectedFile> files = new ArrayList<>();
            char letter = row.boardFiles();
            Path plain = file(letter, false);
            if (Files.isRegularFile(plain)) {
                files.add(selected(plain, "(" + letter + ") board file of row " + row));
            }
            if (image.revisionToken().isPresent()) {
                Path companion = file(letter, true);
                if (Files.isRegularFile(companion)) {
                    files.add(selected(companion, "(" + letter + "') revision companion of (" + letter + ")"));
                }
            }
            return files;
        }

        /** §4 step 4: (I) without a build type, (J) with one; no fallback. */
        private List<SelectedFile> childFragment() {
            if (!image.isChild()) {
                return List.of();
            }
            char letter = bt.isEmpty() ? 'I' : 'J';
            Path fragment = file(letter, false);
            if (!Files.isRegularFile(fragment)) {
                return List.of();
            }
            String rule = bt.isEmpty() ? "(I) child-image fragment" : "(J) child-image fragment for build type " + bt;
            return List.of(selected(fragment, rule));
        }

        /** The items of a list variable, each resolved in the image's own dir; each must exist. */
        private List<SelectedFile> named(String variable, String ruleFormat) throws ConfigurationRuleException {
            List<SelectedFile> files = new ArrayList<>();
            List<String> items = image.variables().list(variable);
            for (int i = 0; i < items.size(); i++) {
                Path path =
                        image.imageDir().resolve(items.get(i)).toAbsolutePath().normalize();
                if (!Files.isRegularFile(path)) {
                    throw new ConfigurationRuleException(
                            image.name(), location(path), "File not found: " + location(path));
                }
                files.add(selected(path, String.format(ruleFormat, i + 1)));
            }
            return files;
        }

        /** §5. */
        private List<SelectedFile> overlays() throws ConfigurationRuleException {
            List<SelectedFile> overlays = new ArrayList<>(named("DTC_OVERLAY_FILE", "DTC_OVERLAY_FILE item %d"));
            String board = image.boardToken();
            Optional<String> rev = image.revisionToken();
            if (image.folder().isPresent()) {
                Path folder = image.folder().get();
                List<String> names = new ArrayList<>();
                names.add("boards/" + board + ".overlay");
                rev.ifPresent(r -> names.add("boards/" + board + "_" + r + ".overlay"));
                if (!bt.isEmpty()) {
                    names.add("boards/" + board + "_" + bt + ".overlay");
                    rev.ifPresent(r -> names.add("boards/" + board + "_" + r + "_" + bt + ".overlay"));
                }
                names.add(board + ".overlay");
                rev.ifPresent(r -> names.add(board + "_" + r + ".overlay"));
                for (String name : names) {
                    addIfPresent(overlays, folder.resolve(name), "child_image folder overlay " + name);
                }
            }
            if (overlays.isEmpty()) {
                overlays.addAll(ownOverlays(board, rev));
            } else {
                notes.add(prefix() + "the image's own overlays are not used: "
                        + (image.variables().imageSpecific("DTC_OVERLAY_FILE").isPresent()
                                ? "DTC_OVERLAY_FILE is given"
                                : "the child_image folder provides overlays"));
            }
            overlays.addAll(named("EXTRA_DTC_OVERLAY_FILE", "EXTRA_DTC_OVERLAY_FILE item %d"));
            image.parentDir()
                    .ifPresent(parent -> addIfPresent(
                            overlays,
                            parent.resolve("child_image").resolve(image.name() + ".overlay"),
                            "child_image/" + image.name() + ".overlay, added to the child's overlays"));
            return overlays;
        }

        private List<SelectedFile> ownOverlays(String board, Optional<String> rev) {
            Path dir = image.imageDir();
            List<List<String>> groups = new ArrayList<>();
            groups.add(withRevision("boards/" + board, rev));
            groups.add(withRevision(board, rev));
            groups.add(List.of("app.overlay"));
            for (List<String> group : groups) {
                List<SelectedFile> found = new ArrayList<>();
                for (String name : group) {
                    addIfPresent(found, dir.resolve(name), "the image's own overlay " + name);
                }
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        }

        private List<String> withRevision(String stem, Optional<String> rev) {
            List<String> names = new ArrayList<>();
            names.add(stem + ".overlay");
            rev.ifPresent(r -> names.add(stem + "_" + r + ".overlay"));
            return names;
        }

        private void addIfPresent(List<SelectedFile> into, Path path, String rule) {
            if (Files.isRegularFile(path)) {
                into.add(selected(path.toAbsolutePath().normalize(), rule));
            }
        }

        /** The path of file {@code letter} (primed when {@code companion}). */
        private Path file(char letter, boolean companion) {
            String board =
                    companion ? image.boardToken() + "_" + image.revisionToken().orElseThrow() : image.boardToken();
            Path dir = image.imageDir();
            Path folder = image.folder().orElse(dir);
            Path childImage =
                    image.parentDir().map(p -> p.resolve("child_image")).orElse(dir);
            Path path = switch (letter) {
                case 'A' -> dir.resolve("prj.conf");
                case 'B' -> dir.resolve("prj_" + bt + ".conf");
                case 'C' -> dir.resolve("boards").resolve(board + ".conf");
                case 'D' -> dir.resolve("boards").resolve(board + "_" + bt + ".conf");
                case 'E' -> folder.resolve("boards").resolve(board + ".conf");
                case 'F' -> folder.resolve("boards").resolve(board + "_" + bt + ".conf");
                case 'G' -> folder.resolve("prj.conf");
                case 'H' -> folder.resolve("prj_" + bt + ".conf");
                case 'I' -> childImage.resolve(image.name() + ".conf");
                case 'J' -> childImage.resolve(image.name() + "_" + bt + ".conf");
                default -> throw new IllegalArgumentException("no file (" + letter + ")");
            };
            return path.toAbsolutePath().normalize();
        }

        private SelectedFile selected(Path path, String rule) {
            return new SelectedFile(path, layout.display(path, image.imageDir()), location(path), rule);
        }

        private String location(Path path) {
            return layout.relative(path);
        }
    }

    /** §4: a file named more than once in steps 3–5 is merged once, at its last position. */
    static List<SelectedFile> lastOccurrenceOnly(List<SelectedFile> files) {
        Map<Path, SelectedFile> last = new LinkedHashMap<>();
        for (SelectedFile file : files) {
            last.remove(file.path());
            last.put(file.path(), file);
        }
        return new ArrayList<>(last.values());
    }
}
