/* The Python interpreter for the ThreadSanitizer build's tests (tests/python/CMakeLists.txt):
   Python's own main, linked with -fsanitize=thread so that the static TSan runtime is in the
   executable and the instrumented myoflux module uses it. */
#include <Python.h>

int main(int argc, char** argv) { return Py_BytesMain(argc, argv); }
