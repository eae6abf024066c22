// placeholder until the docs exist
#include <gtest/gtest.h>
