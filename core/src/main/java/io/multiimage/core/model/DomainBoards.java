package io.multiimage.core.model;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Map;
import java.util.Optional;

/**
 * What the context resolver must know of a board to give every image of a domain that
 * domain's board: the board's domain, its chip, and the board of each other domain on the
 * chip (the seed's {@code CONFIG_DOMAIN_<DOMAIN>_BOARD}).
 */
@FunctionalInterface
public interface DomainBoards {

    /** A board's facts as the domain rule needs them. */
    record Facts(String name, String domain, String soc, Map<String, String> domainBoards) {

        /** The board of {@code other} on this board's chip: itself for its own domain. */
        public Optional<String> boardOf(String other) {
            return other.equals(domain) ? Optional.of(name) : Optional.ofNullable(domainBoards.get(other));
        }
    }

    /** Nothing is known of boards: domains stay as declared and boards follow the parent's. */
    DomainBoards UNKNOWN = board -> Optional.empty();

    /**
     * The facts of {@code board}; empty when they are not known here.
     *
     * @throws InvalidConfigurationException for a board that does not exist
     */
    Optional<Facts> facts(BoardTarget board) throws InvalidConfigurationException;
}
