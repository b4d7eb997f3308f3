/**
 * The image model: images, their tree, build strategies, conditions, build properties and board
 * targets. The bottom of core: it depends on no other package of it.
 */
package io.multiimage.core.model;
