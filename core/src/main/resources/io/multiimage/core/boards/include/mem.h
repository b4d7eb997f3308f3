/* Size helpers for devicetree sources (the same names Zephyr's <mem.h> provides). */
#ifndef MULTIIMAGE_MEM_H
#define MULTIIMAGE_MEM_H

#define DT_SIZE_K(x) ((x) * 1024)
#define DT_SIZE_M(x) (DT_SIZE_K(x) * 1024)

#endif
