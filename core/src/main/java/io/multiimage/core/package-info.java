/**
 * The multi-image build without Maven. The root package holds the exceptions every part throws:
 * {@link io.multiimage.core.InvalidConfigurationException} (the user must act), {@link
 * io.multiimage.core.FirmwareException} (the machine or a tool failed) and {@link
 * io.multiimage.core.OutputWriteException}.
 */
package io.multiimage.core;
