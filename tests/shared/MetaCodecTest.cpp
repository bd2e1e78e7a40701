// MetaCodecTest: sync_meta blobs — round trips, compactness, and refusal of every damaged blob.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "replica/MetaCodec.h"

namespace cadre::replica {
namespace {

const std::string kPhone = "0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2c";
const std::string kTablet = "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const std::string kServer = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
constexpr std::uint64_t kHlc = 117309440000000003ULL;  // 2026-09-21, logical 3

RegisterMeta written(std::uint64_t hlc, const std::string& device, const std::string& author,
                     bool hasOthers = false) {
    return RegisterMeta{true, {hlc, device}, author, hasOthers};
}

/// `count` registers all written by one change of one device and author.
RecordMeta oneChange(std::size_t count, const std::string& author = "a.diallo") {
    return RecordMeta(count, written(kHlc, kPhone, author));
}

struct RoundTripCase {
    std::string what;  // the shape of the record
    RecordMeta meta;   // encoded, then decoded with meta.size() registers
};

std::vector<RoundTripCase> roundTripCases() {
    RecordMeta sparse(16);
    sparse[0] = written(kHlc, kPhone, "a.diallo");
    sparse[5] = written(kHlc + 9, kTablet, "k.mensah", true);
    sparse[15] = written(1, kPhone, "a.diallo");
    RecordMeta mixed = {
        written(kHlc, kPhone, "a.diallo"),       // register 0: the deleted flag
        written(kHlc + 1, kPhone, "k.mensah"),   // same device, another author
        written(kHlc + 2, kTablet, "a.diallo"),  // same author, another device
        written(kHlc + 3, kServer, "hq.review", true),
        RegisterMeta{},
        written(std::numeric_limits<std::uint64_t>::max(), kTablet, "Émilie Ngô 数据", true),
        written(0, "", ""),  // a seed value from the reference data
        written(kHlc + 2, kTablet, "a.diallo", true),
    };
    RecordMeta flags = oneChange(11);
    for (std::size_t r = 0; r < flags.size(); r += 3)
        flags[r].hasOthers = true;
    return {
        {"no registers", {}},
        {"eleven registers never written", RecordMeta(11)},
        {"all present, one writer", oneChange(11)},
        {"sparse", sparse},
        {"several devices and authors", mixed},
        {"hasOthers on some registers", flags},
        {"a register beyond 127 (two-byte varint)",
         [] {
             RecordMeta m(200);
             m[199] = written(kHlc, kPhone, "a.diallo");
             return m;
         }()},
    };
}

TEST(MetaCodecRoundTrip, DecodeOfEncodeGivesTheSameRecord) {
    for (const auto& c : roundTripCases()) {
        SCOPED_TRACE(c.what);
        const std::string blob = encodeMeta(c.meta);
        EXPECT_EQ(decodeMeta(blob, c.meta.size()), c.meta);
    }
}

std::string hex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

// The blob is stored in every record: its bytes must never change for the same meta, whatever
// the encoder's code. The digest covers every round-trip case; the hex shows the format.
TEST(MetaCodecFormat, TheBytesAreThoseOfFormat1) {
    RecordMeta one(3);
    one[1] = written(300, "dev", "au", true);
    EXPECT_EQ(hex(encodeMeta(one)),
              "01"
              "01"
              "03646576"
              "026175"
              "01"
              "01"
              "ac02"
              "00"
              "01");
    std::uint64_t digest = 14695981039346656037ULL;  // FNV-1a 64 over every case's blob
    for (const auto& c : roundTripCases()) {
        const std::string blob = encodeMeta(c.meta) + "|";
        for (const char ch : blob)
            digest = (digest ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
    }
    EXPECT_EQ(digest, 8773016838436945307ULL);
}

TEST(MetaCodecFormat, ARecordWithManyWritersListsThemInOrderOfFirstUse) {
    RecordMeta many;
    for (int w = 0; w < 12; ++w)  // twelve writers, the first one again at the end
        many.push_back(written(kHlc + static_cast<std::uint64_t>(w),
                               w % 2 ? kTablet : kPhone + std::to_string(w),
                               "author " + std::to_string(w / 2), w == 5));
    many.push_back(written(kHlc + 99, kPhone + "0", "author 0"));
    const std::string blob = encodeMeta(many);
    EXPECT_EQ(decodeMeta(blob, many.size()), many);
    std::uint64_t digest = 14695981039346656037ULL;
    for (const char ch : blob)
        digest = (digest ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
    EXPECT_EQ(digest, 5240910677084263910ULL) << hex(blob);
}

TEST(MetaCodecRoundTrip, ColumnsAppendedByAMigrationDecodeAsNeverWritten) {
    const RecordMeta meta = oneChange(11);
    const RecordMeta wider = decodeMeta(encodeMeta(meta), 13);
    ASSERT_EQ(wider.size(), 13u);
    EXPECT_EQ(RecordMeta(wider.begin(), wider.begin() + 11), meta);
    EXPECT_EQ(wider[11], RegisterMeta{});
    EXPECT_EQ(wider[12], RegisterMeta{});
}

TEST(MetaCodecSize, AnObservationLikeRecordFromOneChangeIsCompact) {
    const std::string blob = encodeMeta(oneChange(16));
    EXPECT_LT(blob.size(), 250u) << "16 registers, one device, one author";
    // The writer is stored once, not once per register.
    const auto first = blob.find(kPhone);
    ASSERT_NE(first, std::string::npos);
    EXPECT_EQ(blob.find(kPhone, first + 1), std::string::npos);
    EXPECT_EQ(blob.find("a.diallo", blob.find("a.diallo") + 1), std::string::npos);
    // Registers never written cost nothing.
    RecordMeta sparse(16);
    sparse[3] = written(kHlc, kPhone, "a.diallo");
    EXPECT_EQ(encodeMeta(sparse).size(), encodeMeta(oneChange(1)).size());
    EXPECT_EQ(encodeMeta(RecordMeta(16)), encodeMeta({}));
}

void expectRefused(std::string_view blob, std::size_t registers, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_THROW((void)decodeMeta(blob, registers), MetaFormatError);
}

TEST(MetaCodecErrors, EveryTruncationIsRefused) {
    for (const auto& c : roundTripCases()) {
        const std::string blob = encodeMeta(c.meta);
        for (std::size_t n = 0; n < blob.size(); ++n)
            expectRefused(std::string_view(blob).substr(0, n), c.meta.size(),
                          c.what + " cut to " + std::to_string(n) + " bytes");
    }
}

TEST(MetaCodecErrors, TrailingBytesAreRefused) {
    for (const auto& c : roundTripCases()) {
        expectRefused(encodeMeta(c.meta) + '\0', c.meta.size(), c.what + " + NUL");
        expectRefused(encodeMeta(c.meta) + "\x01\x02", c.meta.size(), c.what + " + 2 bytes");
    }
}

TEST(MetaCodecErrors, AnUnknownFormatIsRefused) {
    for (const int format : {0, 2, 0x81, 0xFF}) {
        std::string blob = encodeMeta(oneChange(11));
        blob[0] = static_cast<char>(format);
        expectRefused(blob, 11, "format " + std::to_string(format));
    }
    try {
        (void)decodeMeta(std::string("\x02\x00\x00", 3), 1);
        ADD_FAILURE() << "format 2 accepted";
    } catch (const MetaFormatError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown format"), std::string::npos) << e.what();
    }
}

TEST(MetaCodecErrors, ARegisterBeyondTheTableIsRefused) {
    // A record of 16 registers read as if the table had 15 columns: register 15 does not exist.
    expectRefused(encodeMeta(oneChange(16)), 15, "register 15 of 15");
    expectRefused(encodeMeta(oneChange(1)), 0, "register 0 of 0");
}

using namespace std::string_literals;

// Hand-made blobs: format 1, one pair ("d", "a"), one register: register 0, then its hlc, pair and
// flags follow.
const std::string kHead =
    "\x01\x01\x01"
    "d"
    "\x01"
    "a"
    "\x01\x00"s;

TEST(MetaCodecErrors, AWriterThatDoesNotExistIsRefused) {
    const std::string onePair = kHead + "\x05\x00\x00"s;  // hlc 5, pair 0, no flags
    EXPECT_EQ(decodeMeta(onePair, 1)[0], (RegisterMeta{true, {5, "d"}, "a", false}));
    std::string badPair = onePair;
    badPair[badPair.size() - 2] = '\x01';
    expectRefused(badPair, 1, "writer 1 of 1");
    expectRefused("\x01\x00\x01\x00\x05\x00\x00"s, 4, "writer 0 of none");
    expectRefused("\x01\xFF\xFF\xFF\x0F"s, 1, "a pair count larger than the blob");
    expectRefused(
        "\x01\x01\x10"
        "d"s,
        1, "a text longer than what is left");
}

TEST(MetaCodecErrors, AnIntegerOfMoreThan64BitsIsRefused) {
    const std::string low63 = std::string(9, '\xFF');  // the low 63 bits, all set
    EXPECT_EQ(decodeMeta(kHead + low63 + "\x01\x00\x00"s, 1)[0].version.hlc,
              std::numeric_limits<std::uint64_t>::max());
    // A tenth byte above 1 (or an eleventh byte) sets bits a uint64 does not have.
    for (const std::string& tenth : {"\x02"s, "\x7F"s, "\xFF\x01"s}) {
        try {
            (void)decodeMeta(kHead + low63 + tenth + "\x00\x00"s, 1);
            ADD_FAILURE() << "an hlc of more than 64 bits was accepted";
        } catch (const MetaFormatError& e) {
            EXPECT_NE(std::string(e.what()).find("over-long integer"), std::string::npos)
                << e.what();
        }
    }
}

}  // namespace
}  // namespace cadre::replica
