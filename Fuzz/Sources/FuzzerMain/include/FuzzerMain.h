#ifndef FUZZER_MAIN_H
#define FUZZER_MAIN_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// The Swift fuzz target, exported with @_cdecl.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// The executable's entry point.
int FuzzCheck_main(int argc, char **argv);

#endif
