package io.multiimage.maven.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactTransferException;

/**
 * What a failed resolution means for the user: which repository refused the credentials of
 * which {@code <server>}, and messages with the passwords of repository URLs masked.
 */
final class RepositoryFailures {

    /** {@code scheme://user:password@host}: the part between {@code //} and {@code @} goes. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");

    private static final Pattern UNAUTHORIZED = Pattern.compile("\\b401\\b|Unauthorized|[Nn]ot authorized");
    /** Maven's encrypted form: still this shape when sent, the password was never decrypted. */
    private static final Pattern ENCRYPTED = Pattern.compile("^\\{[A-Za-z0-9+/=]+}$");

    private RepositoryFailures() {}

    /** {@code text} with every {@code user:password@} of a URL replaced by {@code ***@}. */
    static String mask(String text) {
        return text == null ? null : URL_CREDENTIALS.matcher(text).replaceAll("***@");
    }

    /**
     * For each repository that answered 401: which {@code <server>} of settings.xml gave the
     * credentials (the repository's id), or that none did, or that its encrypted password was
     * sent undecrypted (Maven only says so with -X).
     */
    static List<String> credentialProblems(RepositorySystemSession session, ArtifactResolutionException failure) {
        Set<String> problems = new LinkedHashSet<>();
        ArtifactResult result = failure.getResult();
        List<Exception> exceptions = result == null ? List.of() : result.getExceptions();
        for (Exception exception : exceptions) {
            if (exception instanceof ArtifactTransferException transfer
                    && unauthorized(transfer)
                    && transfer.getRepository() != null) {
                RemoteRepository repository = transfer.getRepository();
                String where = "repository " + repository.getId() + " (" + mask(repository.getUrl()) + ")";
                if (repository.getAuthentication() == null) {
                    problems.add(where + " wants credentials (HTTP 401), but settings.xml has no <server> with id '"
                            + repository.getId() + "': add one with the repository's user and password");
                } else if (sentEncrypted(session, repository)) {
                    problems.add(where + " refused the credentials of the <server> with id '" + repository.getId()
                            + "' in settings.xml (HTTP 401): its <password> is encrypted and Maven could not decrypt"
                            + " it, so it was sent as written; check the <master> password in settings-security.xml"
                            + " (~/.m2/settings-security.xml or the file -Dsettings.security names; mvn -X shows"
                            + " Maven's reason)");
                } else {
                    problems.add(where + " refused the credentials of the <server> with id '" + repository.getId()
                            + "' in settings.xml (HTTP 401): check that server's <username> and <password>");
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private static boolean sentEncrypted(RepositorySystemSession session, RemoteRepository repository) {
        try (AuthenticationContext context = AuthenticationContext.forRepository(session, repository)) {
            String password = context == null ? null : context.get(AuthenticationContext.PASSWORD);
            return password != null && ENCRYPTED.matcher(password).matches();
        }
    }

    private static boolean unauthorized(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (at.getMessage() != null && UNAUTHORIZED.matcher(at.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }
}
