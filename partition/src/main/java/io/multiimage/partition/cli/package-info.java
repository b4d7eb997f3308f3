/**
 * {@code bin/partition-manager}: a drop-in for the SDK's {@code partition_manager.py} and {@code
 * partition_manager_output.py}, and a text/SVG report.
 */
package io.multiimage.partition.cli;
