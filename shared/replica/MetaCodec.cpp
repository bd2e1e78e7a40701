#include "replica/MetaCodec.h"

#include <cstdint>
#include <cstring>
#include <utility>

namespace cadre::replica {
namespace {

constexpr unsigned char kFormat = 1;

class Reader {
  public:
    explicit Reader(std::string_view b) : b_(b) {}
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= b_.size())
                throw MetaFormatError("sync_meta blob is truncated");
            const auto byte = static_cast<unsigned char>(b_[pos_++]);
            if (shift == 63 && byte > 1)
                break;  // bits beyond the 64th: not a uint64
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        throw MetaFormatError("sync_meta blob has an over-long integer");
    }
    std::string text() {
        const auto n = varint();
        if (n > b_.size() - pos_)
            throw MetaFormatError("sync_meta blob is truncated");
        std::string t(b_.substr(pos_, n));
        pos_ += n;
        return t;
    }
    unsigned char byte() {
        if (pos_ >= b_.size())
            throw MetaFormatError("sync_meta blob is truncated");
        return static_cast<unsigned char>(b_[pos_++]);
    }
    [[nodiscard]] bool done() const { return pos_ == b_.size(); }

  private:
    std::string_view b_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string encodeMeta(const RecordMeta& meta) {
    // Called for every record the hub stores: no allocation but the blob's, the bytes written
    // through a pointer into a buffer sized for the worst case, then trimmed.
    constexpr std::size_t kMaxVarint = 10;
    constexpr std::size_t kMaxPairs = 8;  // more distinct writers than this in one record: rare
    std::string_view devices[kMaxPairs], authors[kMaxPairs];
    std::vector<std::pair<std::string_view, std::string_view>> morePairs;
    std::size_t nPairs = 0, present = 0, textBytes = 0;
    const auto pairIndex = [&](std::string_view device, std::string_view author) -> std::size_t {
        for (std::size_t i = 0; i < nPairs && i < kMaxPairs; ++i)
            if (devices[i] == device && authors[i] == author)
                return i;
        for (std::size_t i = 0; i < morePairs.size(); ++i)
            if (morePairs[i].first == device && morePairs[i].second == author)
                return kMaxPairs + i;
        if (nPairs < kMaxPairs) {
            devices[nPairs] = device;
            authors[nPairs] = author;
        } else {
            morePairs.emplace_back(device, author);
        }
        textBytes += device.size() + author.size();
        return nPairs++;
    };
    // A first pass numbers the pairs in order of first use, as format 1 lists them. Registers
    // written by one change follow each other: the previous register's pair is tried first, and
    // the pairs of the first registers are kept for the second pass.
    constexpr std::size_t kKept = 32;
    std::size_t pairOf[kKept];
    const RegisterMeta* previous = nullptr;
    std::size_t previousPair = 0;
    const auto pairFor = [&](const RegisterMeta& m) {
        if (!previous || m.version.device != previous->version.device ||
            m.author != previous->author)
            previousPair = pairIndex(m.version.device, m.author);
        previous = &m;
        return previousPair;
    };
    for (std::size_t r = 0; r < meta.size(); ++r)
        if (meta[r].present) {
            ++present;
            const std::size_t pair = pairFor(meta[r]);
            if (r < kKept)
                pairOf[r] = pair;
        }
    std::string out;
    out.resize(1 + kMaxVarint * (2 + 2 * nPairs + 3 * present) + textBytes + present);
    char* p = out.data();
    const auto varint = [&p](std::uint64_t v) {
        while (v >= 0x80) {
            *p++ = static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        *p++ = static_cast<char>(v);
    };
    const auto text = [&](std::string_view t) {
        varint(t.size());
        std::memcpy(p, t.data(), t.size());
        p += t.size();
    };
    *p++ = static_cast<char>(kFormat);
    varint(nPairs);
    for (std::size_t i = 0; i < nPairs; ++i) {
        text(i < kMaxPairs ? devices[i] : morePairs[i - kMaxPairs].first);
        text(i < kMaxPairs ? authors[i] : morePairs[i - kMaxPairs].second);
    }
    varint(present);
    for (std::size_t r = 0; r < meta.size(); ++r) {
        if (!meta[r].present)
            continue;
        varint(r);
        varint(meta[r].version.hlc);
        varint(r < kKept ? pairOf[r] : pairIndex(meta[r].version.device, meta[r].author));
        *p++ = static_cast<char>(meta[r].hasOthers ? 1 : 0);
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return out;
}

RecordMeta decodeMeta(std::string_view blob, std::size_t registerCount) {
    Reader in(blob);
    if (in.byte() != kFormat)
        throw MetaFormatError("sync_meta blob has an unknown format");
    const auto nPairs = in.varint();
    if (nPairs > blob.size())
        throw MetaFormatError("sync_meta blob is corrupt");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::uint64_t i = 0; i < nPairs; ++i) {
        auto device = in.text();
        auto author = in.text();
        pairs.emplace_back(std::move(device), std::move(author));
    }
    RecordMeta meta(registerCount);
    const auto n = in.varint();
    for (std::uint64_t i = 0; i < n; ++i) {
        const auto reg = in.varint();
        const auto hlc = in.varint();
        const auto pair = in.varint();
        const auto flags = in.byte();
        if (reg >= registerCount || pair >= pairs.size())
            throw MetaFormatError("sync_meta blob names a register or writer that does not exist");
        auto& m = meta[reg];
        m.present = true;
        m.version = {hlc, pairs[pair].first};
        m.author = pairs[pair].second;
        m.hasOthers = (flags & 1) != 0;
    }
    if (!in.done())
        throw MetaFormatError("sync_meta blob has trailing bytes");
    return meta;
}

}  // namespace cadre::replica
