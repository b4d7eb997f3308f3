package io.multiimage.core.model;

/** Where a prebuilt child HEX comes from: a file, or a Maven artifact of type {@code hex}. */
public sealed interface HexSource permits HexFile, HexCoordinates {

    /** How the source reads in messages: the path, or {@code g:a:v[:classifier]}. */
    String describe();
}
