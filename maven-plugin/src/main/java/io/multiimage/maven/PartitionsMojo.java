package io.multiimage.maven;

import io.multiimage.core.pipeline.FirmwareBuild;
import io.multiimage.core.pipeline.PreparedTree;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.ProjectBuilder;
import org.eclipse.aether.RepositorySystem;

/**
 * Shows the memory map of this module's image tree: for every domain and region, each
 * partition's start, end, size and share of the region, gaps and containers; then the images
 * placed by {@code CONFIG_FLASH_LOAD_OFFSET} outside the partition manager, each with the file
 * and line that set the offset. Places the partitions (writing {@code partitions.yml}) but
 * compiles nothing.
 */
@Mojo(name = "partitions", threadSafe = true)
public class PartitionsMojo extends AbstractFirmwareMojo {

    @Inject
    public PartitionsMojo(RepositorySystem repositorySystem, ProjectBuilder projectBuilder) {
        super(repositorySystem, projectBuilder);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        PreparedTree tree = runCore(request -> new FirmwareBuild(buildLog(), launcher(), hexResolver()).prepare(request));
        tree.memoryMap().lines().forEach(getLog()::info);
    }
}
