// RequestTargetTest: percent escapes and query strings as the HTTP adapter decodes them.
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/RequestTarget.h"

namespace cadre::server {
namespace {

TEST(RequestTarget, PercentEscapesDecodeAndPlusStaysPlus) {
    EXPECT_EQ(percentDecode("a%20b%2Fc"), "a b/c");
    EXPECT_EQ(percentDecode("x+y%2b"), "x+y+");  // a cursor or token may hold '+'
    EXPECT_EQ(percentDecode("%C3%A9t%C3%A9"), "\xC3\xA9t\xC3\xA9");
    EXPECT_EQ(percentDecode(""), "");
}

TEST(RequestTarget, ABadEscapeIsRefused) {
    EXPECT_THROW(static_cast<void>(percentDecode("%")), std::invalid_argument);
    EXPECT_THROW(static_cast<void>(percentDecode("%4")), std::invalid_argument);
    EXPECT_THROW(static_cast<void>(percentDecode("%zz")), std::invalid_argument);
    EXPECT_THROW(static_cast<void>(decodeQuery("cursor=%G1")), std::invalid_argument);
}

TEST(RequestTarget, QueryKeepsTheFirstOfARepeatedNameAndEmptyValues) {
    const auto q = decodeQuery("limit=10&cursor=a%3Db&limit=99&flag&&empty=");
    ASSERT_EQ(q.size(), 4U);
    EXPECT_EQ(q.at("limit"), "10");
    EXPECT_EQ(q.at("cursor"), "a=b");
    EXPECT_EQ(q.at("flag"), "");
    EXPECT_EQ(q.at("empty"), "");
    EXPECT_TRUE(decodeQuery("").empty());
}

TEST(RequestTarget, LowerCaseIsAsciiOnly) {
    EXPECT_EQ(lowerCase("Content-Type"), "content-type");
    EXPECT_EQ(lowerCase("X-CADRE-Device"), "x-cadre-device");
}

}  // namespace
}  // namespace cadre::server
