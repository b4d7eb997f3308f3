/**
 * Test helpers shared by the modules: project paths, reference tools, the Maven-free layering
 * check, running a main class in a fresh JVM.
 */
package io.multiimage.testkit;
