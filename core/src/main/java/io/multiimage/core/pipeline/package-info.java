/**
 * The build, end to end: discover, configure, place, build, assemble, in {@link
 * io.multiimage.core.pipeline.FirmwareBuild}; each step a class of its own ({@code
 * ConfigureStage}, {@code PlaceStage}, {@code BuildStage}, {@code AssembleStage}).
 */
package io.multiimage.core.pipeline;
