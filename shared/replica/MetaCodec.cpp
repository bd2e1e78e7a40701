#include "replica/MetaCodec.h"

#include <cstdint>
#include <utility>

namespace cadre::replica {
namespace {

constexpr unsigned char kFormat = 1;

void putVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void putText(std::string& out, std::string_view t) {
    putVarint(out, t.size());
    out.append(t);
}

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
    std::vector<std::pair<std::string_view, std::string_view>> pairs;
    std::vector<std::size_t> pairOf(meta.size(), 0);
    std::size_t present = 0;
    for (std::size_t r = 0; r < meta.size(); ++r) {
        if (!meta[r].present)
            continue;
        ++present;
        const std::pair<std::string_view, std::string_view> key{meta[r].version.device,
                                                                meta[r].author};
        std::size_t i = 0;
        while (i < pairs.size() && pairs[i] != key)
            ++i;
        if (i == pairs.size())
            pairs.push_back(key);
        pairOf[r] = i;
    }
    std::string out;
    out.reserve(8 + pairs.size() * 48 + present * 12);
    out += static_cast<char>(kFormat);
    putVarint(out, pairs.size());
    for (const auto& [device, author] : pairs) {
        putText(out, device);
        putText(out, author);
    }
    putVarint(out, present);
    for (std::size_t r = 0; r < meta.size(); ++r) {
        if (!meta[r].present)
            continue;
        putVarint(out, r);
        putVarint(out, meta[r].version.hlc);
        putVarint(out, pairOf[r]);
        out += static_cast<char>(meta[r].hasOthers ? 1 : 0);
    }
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
