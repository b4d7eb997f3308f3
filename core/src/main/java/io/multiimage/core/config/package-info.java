/**
 * The configure step: each image's context (board, domain, build type, variables), the child-
 * image rules that choose its Kconfig fragments and overlays, its build strategy, and the
 * resulting configuration.
 */
package io.multiimage.core.config;
