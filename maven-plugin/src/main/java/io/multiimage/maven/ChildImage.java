package io.multiimage.maven;

/**
 * One {@code <childImages><childImage>} element of a parent image's configuration: the Maven
 * form of the seed's {@code add_child_image(NAME SOURCE_DIR DOMAIN)}.
 *
 * <pre>{@code
 * <childImage>
 *   <name>mcuboot</name>                 <!-- required; prefix of forwarded variables -->
 *   <module>../mcuboot</module>          <!-- a reactor module (directory with pom.xml) -->
 *   <sourceDirectory>..</sourceDirectory><!-- or: an application directory without a POM -->
 *   <board>..</board>                    <!-- default: the parent's (secure variant of an /ns board) -->
 *   <domain>CPUNET</domain>              <!-- default: the parent's -->
 *   <buildStrategy>use-hex</buildStrategy> <!-- from-source (default) | use-hex | skip -->
 *   <hexFile>prebuilt/mcuboot.hex</hexFile>
 *   <hexArtifact>com.acme:mcuboot:1.4.0</hexArtifact>
 *   <sha256>9f2c..</sha256>
 *   <condition>CONFIG_BOOTLOADER_MCUBOOT</condition> <!-- or a Maven property name -->
 * </childImage>
 * }</pre>
 */
public class ChildImage {

    private String name;
    private String module;
    private String sourceDirectory;
    private String board;
    private String domain;
    private String buildStrategy;
    private String hexFile;
    private String hexArtifact;
    private String sha256;
    private String condition;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getModule() {
        return module;
    }

    public void setModule(String module) {
        this.module = module;
    }

    public String getSourceDirectory() {
        return sourceDirectory;
    }

    public void setSourceDirectory(String sourceDirectory) {
        this.sourceDirectory = sourceDirectory;
    }

    public String getBoard() {
        return board;
    }

    public void setBoard(String board) {
        this.board = board;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getBuildStrategy() {
        return buildStrategy;
    }

    public void setBuildStrategy(String buildStrategy) {
        this.buildStrategy = buildStrategy;
    }

    public String getHexFile() {
        return hexFile;
    }

    public void setHexFile(String hexFile) {
        this.hexFile = hexFile;
    }

    public String getHexArtifact() {
        return hexArtifact;
    }

    public void setHexArtifact(String hexArtifact) {
        this.hexArtifact = hexArtifact;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }
}
