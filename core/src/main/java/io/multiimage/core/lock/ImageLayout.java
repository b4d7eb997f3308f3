package io.multiimage.core.lock;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.verify.BootTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The layout an image was built for, published beside its HEX ({@code image-layout.txt}, classifier
 * {@code layout}): its own partition and the partitions it boots into, with their addresses. A
 * product that takes the image prebuilt checks its own layout against it: a released bootloader
 * jumps to the address it was compiled for, whatever the product's layout says.
 *
 * <pre>
 * format 1
 * image ssbl
 * partition ssbl 0x00004000 0x8000
 * boots-into app 0x0000c000
 * </pre>
 *
 * @param image the image
 * @param partition its partition
 * @param bootsInto the partitions it boots into
 */
public record ImageLayout(String image, SlotPartition partition, List<BootTarget> bootsInto) {

    /** The published file's name. */
    public static final String FILE_NAME = "image-layout.txt";

    /** Checks and copies the parts. */
    public ImageLayout {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(partition, "partition");
        bootsInto = List.copyOf(bootsInto);
    }

    /** The file's text. */
    public String text() {
        StringBuilder out = new StringBuilder("# The layout this image was built for (multiimage): its partition and"
                + " where it boots.\nformat 1\n");
        out.append("image ").append(image).append('\n');
        out.append(String.format(
                Locale.ROOT, "partition %s 0x%08x 0x%x%n", partition.name(), partition.address(), partition.size()));
        for (BootTarget target : bootsInto) {
            out.append(String.format(Locale.ROOT, "boots-into %s 0x%08x%n", target.partition(), target.address()));
        }
        return out.toString();
    }

    /**
     * Reads a published layout.
     *
     * @param label names the file in messages (coordinates)
     * @throws InvalidConfigurationException a line the format does not have, with its number
     */
    public static ImageLayout read(Path file, String label) throws IOException, InvalidConfigurationException {
        String image = null;
        SlotPartition partition = null;
        List<BootTarget> boots = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f[0].equals("format") && f.length == 2 && f[1].equals("1")) {
                    continue;
                } else if (f[0].equals("image") && f.length == 2) {
                    image = f[1];
                } else if (f[0].equals("partition") && f.length == 4) {
                    partition = new SlotPartition(f[1], Long.decode(f[2]), Long.decode(f[3]));
                } else if (f[0].equals("boots-into") && f.length == 3) {
                    boots.add(new BootTarget(f[1], Long.decode(f[2])));
                } else {
                    throw new InvalidConfigurationException(label + ":" + (i + 1) + ": unexpected line '" + line + "'");
                }
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(
                        label + ":" + (i + 1) + ": '" + line + "' holds a value that is" + " not a number", e);
            }
        }
        if (image == null || partition == null) {
            throw new InvalidConfigurationException(label + ": not an image layout (no image or partition line)");
        }
        return new ImageLayout(image, partition, boots);
    }
}
