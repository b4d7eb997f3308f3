/**
 * Boards: their devicetree, CPU facts, revisions and domains (the shipped boards and a project's
 * own {@code boards/}).
 */
package io.multiimage.core.board;
