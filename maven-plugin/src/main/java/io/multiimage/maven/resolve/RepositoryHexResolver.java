package io.multiimage.maven.resolve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Resolves a prebuilt image's HEX by coordinates through Maven's own repository system, so
 * settings.xml mirrors, server credentials, proxies and offline mode apply as for any
 * dependency. Remote checksums are enforced: a download whose {@code .sha1}/{@code .md5} does
 * not match fails instead of warning.
 */
public final class RepositoryHexResolver {

    /** Artifact extension of a firmware image. */
    public static final String EXTENSION = "hex";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    public RepositoryHexResolver(
            RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = masking(session);
        this.repositories = strictChecksums(repositories);
    }

    /**
     * Local path of {@code groupId:artifactId:hex[:classifier]:version}, downloading it if
     * needed.
     *
     * @throws HexArtifactNotFoundException naming the coordinates and every repository tried
     */
    public Path resolve(String groupId, String artifactId, String version, String classifier)
            throws HexArtifactNotFoundException {
        return resolve(
                new DefaultArtifact(groupId, artifactId, classifier == null ? "" : classifier, EXTENSION, version),
                "prebuilt HEX");
    }

    /**
     * Local path of {@code artifact}, downloading it if needed, with the same mirrors, credentials
     * and checksum policy as a HEX; {@code what} names it in the message of a failure (e.g.
     * {@code baseline build-info.json}).
     *
     * @throws HexArtifactNotFoundException naming {@code what}, the coordinates and every repository tried
     */
    public Path resolve(Artifact artifact, String what) throws HexArtifactNotFoundException {
        try {
            ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new HexArtifactNotFoundException(
                    what,
                    artifact.toString(),
                    describe(repositories),
                    session.isOffline(),
                    RepositoryFailures.credentialProblems(session, e),
                    RepositoryFailures.mask(e.getMessage()));
        }
    }

    /**
     * Local path of {@code groupId:artifactId:extension:classifier:version} when the repositories
     * have it; empty when they do not (or Maven is offline and it is not in the local repository).
     */
    public java.util.Optional<Path> resolveOptional(
            String groupId, String artifactId, String version, String classifier, String extension) {
        Artifact artifact = new DefaultArtifact(groupId, artifactId, classifier, extension, version);
        try {
            ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
            return java.util.Optional.of(result.getArtifact().getFile().toPath());
        } catch (ArtifactResolutionException e) {
            return java.util.Optional.empty();
        }
    }

    /** The session, reporting transfers with the credentials of repository URLs masked. */
    private static RepositorySystemSession masking(RepositorySystemSession session) {
        if (session.getTransferListener() == null) {
            return session;
        }
        DefaultRepositorySystemSession masked = new DefaultRepositorySystemSession(session);
        masked.setTransferListener(new MaskingTransferListener(session.getTransferListener()));
        return masked;
    }

    private static List<RemoteRepository> strictChecksums(List<RemoteRepository> repositories) {
        List<RemoteRepository> strict = new ArrayList<>();
        for (RemoteRepository repository : repositories) {
            strict.add(new RemoteRepository.Builder(repository)
                    .setReleasePolicy(failOnChecksum(repository.getPolicy(false)))
                    .setSnapshotPolicy(failOnChecksum(repository.getPolicy(true)))
                    .build());
        }
        return strict;
    }

    private static RepositoryPolicy failOnChecksum(RepositoryPolicy policy) {
        return new RepositoryPolicy(
                policy.isEnabled(), policy.getUpdatePolicy(), RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    }

    private static String describe(List<RemoteRepository> repositories) {
        if (repositories.isEmpty()) {
            return "(no remote repository configured)";
        }
        return repositories.stream()
                .map(r -> r.getId() + " (" + RepositoryFailures.mask(r.getUrl()) + ")")
                .collect(Collectors.joining(", "));
    }
}
