/**
 * The build's own bookkeeping under {@code .state/}: one record format ({@link
 * io.multiimage.core.state.StateFile}), the step ledger, the devicetree and assemble records,
 * file stamps and fingerprints, directory locks and the cleaning of what killed builds left
 * behind.
 */
package io.multiimage.core.state;
