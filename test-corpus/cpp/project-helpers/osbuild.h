/* Version helpers of the project, defined in osbuild.c. */
#ifndef OSBUILD_H
#define OSBUILD_H
#include <windows.h>

BOOL IsAtMostBuild(DWORD build);
BOOL IsAtLeastBuild(DWORD build);

#endif
