// Replica, part three: inspection — conflicts for review, and the state hash that proves
// convergence.
#include <openssl/evp.h>

#include <cstring>
#include <map>

#include "domain/Schema.h"
#include "replica/RecordStore.h"
#include "replica/Replica.h"

namespace cadre::replica {

namespace {

/// Feeds typed, length-prefixed items into SHA-256 so that no two different states collide by
/// concatenation.
class Hasher {
  public:
    Hasher() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
    ~Hasher() { EVP_MD_CTX_free(ctx_); }
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    void bytes(char tag, const void* data, std::size_t n) {
        const std::uint64_t len = n;
        EVP_DigestUpdate(ctx_, &tag, 1);
        EVP_DigestUpdate(ctx_, &len, sizeof len);
        EVP_DigestUpdate(ctx_, data, n);
    }
    void text(std::string_view t) { bytes('t', t.data(), t.size()); }
    void integer(std::int64_t i) { bytes('i', &i, sizeof i); }
    void value(const Value& v) {
        if (v.isNull())
            bytes('n', nullptr, 0);
        else if (v.isInteger())
            integer(v.asInteger());
        else if (v.isReal()) {
            const double d = v.asReal();
            bytes('r', &d, sizeof d);
        } else
            text(v.asText());
    }
    std::string hex() {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        EVP_DigestFinal_ex(ctx_, md, &n);
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < n; ++i) {
            out += digits[md[i] >> 4];
            out += digits[md[i] & 15];
        }
        return out;
    }

  private:
    EVP_MD_CTX* ctx_;
};

}  // namespace

std::string Replica::stateHash() {
    Hasher h;
    for (const auto& spec : domain::syncedTables()) {
        std::string cols = "id, deleted";
        for (const auto& c : spec.columns)
            cols += ", \"" + c.name + "\"";
        Statement st(db_, "SELECT " + cols + " FROM \"" + spec.name + "\" ORDER BY id");
        h.text(spec.name);
        while (st.step())
            for (int i = 0; i < st.columnCount(); ++i)
                h.value(st.value(i));
    }
    // Versions, decoded so that the blob's internal ordering does not matter.
    for (const auto& spec : domain::syncedTables()) {
        std::string sql = "SELECT id, ";
        sql.append(kVersionsColumn).append(" FROM \"").append(spec.name).append("\" WHERE ");
        sql.append(kVersionsColumn).append(" IS NOT NULL ORDER BY id");
        Statement meta(db_, sql);
        while (meta.step()) {
            h.text(spec.name);
            h.text(meta.text(0));
            const RecordMeta m = decodeMeta(meta.blob(1), registerCount(spec));
            for (std::size_t r = 0; r < m.size(); ++r) {
                if (!m[r].present)
                    continue;
                h.integer(static_cast<std::int64_t>(r));
                h.integer(static_cast<std::int64_t>(m[r].version.hlc));
                h.text(m[r].version.device);
                h.text(m[r].author);
                h.integer(m[r].hasOthers ? 1 : 0);
            }
        }
    }
    Statement leaves(db_,
                     "SELECT tbl, row_id, col, hlc, device, author, value, conflict FROM sync_leaf "
                     "ORDER BY tbl, row_id, col, hlc, device");
    while (leaves.step())
        for (int i = 0; i < 8; ++i)
            h.value(leaves.value(i));
    return h.hex();
}

std::vector<Conflict> Replica::conflicts() {
    std::vector<Conflict> out;
    Statement st(db_,
                 "SELECT tbl, row_id, col, hlc, device, author, value FROM sync_leaf "
                 "WHERE conflict = 1 ORDER BY tbl, row_id, col, hlc, device");
    std::map<std::pair<std::string, std::string>, RecordState> records;
    while (st.step()) {
        Conflict c;
        c.table = st.text(0);
        c.row = st.text(1);
        c.column = st.text(2);
        c.loser = merge::Leaf{merge::Version{static_cast<std::uint64_t>(st.integer(3)), st.text(4)},
                              st.value(6), st.text(5)};
        const domain::TableSpec* spec = domain::findTable(c.table);
        if (!spec)
            continue;
        auto key = std::make_pair(c.table, c.row);
        auto it = records.find(key);
        if (it == records.end())
            it = records.emplace(key, store_->load(*spec, c.row)).first;
        const RecordState& r = it->second;
        const std::size_t reg = registerIndex(*spec, c.column);
        c.winner = merge::Leaf{r.meta[reg].version, r.values[reg], r.meta[reg].author};
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace cadre::replica
