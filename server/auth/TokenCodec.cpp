// TokenCodec: RAND_bytes tokens, SHA-256 via EVP, and a strict base64/base64url codec.
#include "auth/TokenCodec.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace cadre::server::token {

namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::string_view bytes, std::string_view alphabet, bool pad) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v =
            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += alphabet[v >> 6 & 63];
        out += alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2)
            v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        if (rest == 2)
            out += alphabet[v >> 6 & 63];
        if (pad)
            out.append(rest == 1 ? 2 : 1, '=');
    }
    return out;
}

std::optional<std::string> decode(std::string_view text, std::string_view alphabet, bool pad) {
    if (pad) {
        if (text.size() % 4 != 0)
            return std::nullopt;
        if (!text.empty() && text.back() == '=')
            text.remove_suffix(1);
        if (!text.empty() && text.back() == '=')
            text.remove_suffix(1);
    }
    if (text.size() % 4 == 1)
        return std::nullopt;  // no byte string encodes to this length
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (const char c : text) {
        const auto pos = alphabet.find(c);
        if (pos == std::string_view::npos)
            return std::nullopt;  // also refuses '=' in the middle
        acc = (acc << 6 | static_cast<std::uint32_t>(pos)) & 0xFFFFFF;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>(acc >> bits & 0xFF);
        }
    }
    if ((acc & ((1U << bits) - 1)) != 0)
        return std::nullopt;  // non-canonical: the unused trailing bits must be zero
    return out;
}

}  // namespace

std::string randomBytes(std::size_t count) {
    std::string out(count, '\0');
    if (count > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
        throw std::runtime_error("RAND_bytes failed: no randomness for a token or salt");
    return out;
}

std::string generate() {
    return base64UrlEncode(randomBytes(kTokenBytes));
}

bool looksLikeToken(std::string_view text) {
    if (text.size() != kTokenChars)
        return false;
    for (const char c : text) {
        if (kUrl.find(c) == std::string_view::npos)
            return false;
    }
    return true;
}

std::string sha256(std::string_view text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return std::string(reinterpret_cast<const char*>(digest.data()), size);
}

std::string base64UrlEncode(std::string_view bytes) {
    return encode(bytes, kUrl, false);
}
std::optional<std::string> base64UrlDecode(std::string_view text) {
    return decode(text, kUrl, false);
}
std::string base64Encode(std::string_view bytes) {
    return encode(bytes, kStandard, true);
}
std::optional<std::string> base64Decode(std::string_view text) {
    return decode(text, kStandard, true);
}

}  // namespace cadre::server::token
