package io.multiimage.maven;

/**
 * One {@code <report><budgets><budget>}: size limits on one image, each a percentage of the
 * image's partition (or RAM) or a number of bytes.
 *
 * <pre>{@code
 * <budget>
 *   <image>app</image>   <!-- required -->
 *   <flash>90%</flash>   <!-- at least one of flash and ram -->
 *   <ram>48K</ram>
 * </budget>
 * }</pre>
 */
public class Budget {

    private String image;
    private String flash;
    private String ram;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getFlash() {
        return flash;
    }

    public void setFlash(String flash) {
        this.flash = flash;
    }

    public String getRam() {
        return ram;
    }

    public void setRam(String ram) {
        this.ram = ram;
    }
}
