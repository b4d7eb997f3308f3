package io.multiimage.maven.resolve;

import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.transfer.TransferCancelledException;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferListener;
import org.eclipse.aether.transfer.TransferResource;

/**
 * Passes transfer events on with the credentials of the repository URL masked, so Maven's
 * "Downloading from ..." lines of a prebuilt HEX never show a password written into a URL.
 */
final class MaskingTransferListener implements TransferListener {

    private final TransferListener delegate;

    MaskingTransferListener(TransferListener delegate) {
        this.delegate = delegate;
    }

    private TransferEvent masked(TransferEvent event) {
        TransferResource resource = event.getResource();
        String url = RepositoryFailures.mask(resource.getRepositoryUrl());
        if (url.equals(resource.getRepositoryUrl())) {
            return event;
        }
        TransferResource safe = new TransferResource(
                        resource.getRepositoryId(),
                        url,
                        resource.getResourceName(),
                        resource.getFile(),
                        resource.getTrace())
                .setContentLength(resource.getContentLength())
                .setResumeOffset(resource.getResumeOffset());
        RepositorySystemSession session = event.getSession();
        return new TransferEvent.Builder(session, safe)
                .setType(event.getType())
                .setRequestType(event.getRequestType())
                .setTransferredBytes(event.getTransferredBytes())
                .setException(event.getException())
                .build();
    }

    @Override
    public void transferInitiated(TransferEvent event) throws TransferCancelledException {
        delegate.transferInitiated(masked(event));
    }

    @Override
    public void transferStarted(TransferEvent event) throws TransferCancelledException {
        delegate.transferStarted(masked(event));
    }

    @Override
    public void transferProgressed(TransferEvent event) throws TransferCancelledException {
        delegate.transferProgressed(masked(event));
    }

    @Override
    public void transferCorrupted(TransferEvent event) throws TransferCancelledException {
        delegate.transferCorrupted(masked(event));
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        delegate.transferSucceeded(masked(event));
    }

    @Override
    public void transferFailed(TransferEvent event) {
        delegate.transferFailed(masked(event));
    }
}
