/**
 * The memory report of a whole firmware: every domain's regions, partitions, gaps, padding and
 * free space (rows from the partition library's {@code MemoryReport}), every image's flash and
 * RAM use read from its ELF section headers ({@link io.multiimage.core.report.ElfSections}) or,
 * for a prebuilt image, its HEX; the comparison with a baseline's {@code build-info.json}; and
 * memory budgets. Written as JSON ({@link io.multiimage.core.report.ReportJson}), as a
 * self-contained HTML page with SVG maps ({@link io.multiimage.core.report.HtmlReport}) and as
 * the text table of {@code firmware:partitions} ({@link io.multiimage.core.report.MemoryMapText}).
 * Uses the partition library, hexformat and {@code toolchain.MemoryRegion}; see docs/memory-report.md.
 */
package io.multiimage.core.report;
