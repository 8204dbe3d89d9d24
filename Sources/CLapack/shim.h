#ifndef VPPSIM_CLAPACK_SHIM_H
#define VPPSIM_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
