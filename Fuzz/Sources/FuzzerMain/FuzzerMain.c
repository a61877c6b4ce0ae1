#include "FuzzerMain.h"

// SwiftPM links an executable target with `--defsym main=FuzzCheck_main` on Linux, which hides libFuzzer's own
// `main`. This is that entry point: it hands the command line to libFuzzer's driver with the Swift callback.
int FuzzCheck_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
