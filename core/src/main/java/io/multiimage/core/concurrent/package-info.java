/**
 * Bounded concurrency for the build: a task pool for images and compile units, and the build's
 * one job budget for tool processes.
 */
package io.multiimage.core.concurrent;
