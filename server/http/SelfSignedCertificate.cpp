// SelfSignedCertificate: makes EC keys and X.509 v3 certificates with OpenSSL 3 (no deprecated
// API).
#include "http/SelfSignedCertificate.h"

#include <fcntl.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace cadre::server {
namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const {
        Free(p);
    }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<&EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<&X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<&BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<&X509_EXTENSION_free>>;
using Names = std::unique_ptr<GENERAL_NAMES, Deleter<&GENERAL_NAMES_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<&BN_free>>;

/// Throws CertificateError with OpenSSL's first queued error appended.
[[noreturn]] void fail(const std::string& what) {
    std::string detail;
    if (const unsigned long code = ERR_get_error(); code != 0) {
        std::array<char, 256> text{};
        ERR_error_string_n(code, text.data(), text.size());
        detail = std::string(" (") + text.data() + ")";
    }
    ERR_clear_error();
    throw CertificateError(what + detail);
}

PKey makeKey() {
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        fail("cannot generate an EC P-256 key");
    }
    return key;
}

struct CertificateSpec {
    std::string commonName;
    std::vector<std::string> altNames;  ///< DNS names and IP addresses
    bool ca = false;
    bool serverAuth = false;
    int days = 30;
};

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    Extension extension(X509V3_EXT_nconf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(cert, extension.get(), -1) != 1) {
        fail(std::string("cannot add the certificate extension ") + OBJ_nid2sn(nid));
    }
}

void addSubjectAltNames(X509* cert, const std::vector<std::string>& altNames) {
    Names names(GENERAL_NAMES_new());
    for (const auto& entry : altNames) {
        if (entry.empty() || entry.find_first_of(" ,\t\r\n") != std::string::npos) {
            throw CertificateError("not a host name or IP address: '" + entry + "'");
        }
        GENERAL_NAME* name = GENERAL_NAME_new();
        if (ASN1_OCTET_STRING* ip = a2i_IPADDRESS(entry.c_str()); ip != nullptr) {
            GENERAL_NAME_set0_value(name, GEN_IPADD, ip);
        } else {
            ASN1_IA5STRING* dns = ASN1_IA5STRING_new();
            ASN1_STRING_set(dns, entry.data(), static_cast<int>(entry.size()));
            GENERAL_NAME_set0_value(name, GEN_DNS, dns);
        }
        sk_GENERAL_NAME_push(names.get(), name);
    }
    ERR_clear_error();  // a2i_IPADDRESS may queue an error for a DNS name
    if (X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_REPLACE) != 1) {
        fail("cannot add the subjectAltName extension");
    }
}

/// A certificate for `subjectKey`, signed by `issuerKey`; `issuer` null means self-signed.
Cert makeCertificate(EVP_PKEY* subjectKey, const CertificateSpec& spec, X509* issuer,
                     EVP_PKEY* issuerKey) {
    if (spec.days <= 0) {
        throw CertificateError("a certificate must be valid for at least one day");
    }
    Cert cert(X509_new());
    Bignum serial(BN_new());
    if (!cert || !serial || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
        BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) == nullptr) {
        fail("cannot start a certificate");
    }
    // Valid from an hour ago: field devices' clocks are often a little behind.
    if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) == nullptr ||
        X509_time_adj_ex(X509_getm_notAfter(cert.get()), spec.days, 0, nullptr) == nullptr ||
        X509_set_pubkey(cert.get(), subjectKey) != 1) {
        fail("cannot set the certificate's validity or key");
    }
    X509_NAME* subject = X509_get_subject_name(cert.get());
    const std::string commonName = spec.commonName.substr(0, 64);  // ub-common-name
    if (X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("Cadre"), -1, -1,
                                   0) != 1 ||
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(commonName.c_str()), -1,
                                   -1, 0) != 1 ||
        X509_set_issuer_name(cert.get(),
                             issuer != nullptr ? X509_get_subject_name(issuer) : subject) != 1) {
        fail("cannot set the certificate's names");
    }
    X509* signer = issuer != nullptr ? issuer : cert.get();
    addExtension(cert.get(), signer, NID_basic_constraints,
                 spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    const char* keyUsage = spec.ca && spec.serverAuth
                               ? "critical,digitalSignature,keyCertSign,cRLSign"
                           : spec.ca ? "critical,keyCertSign,cRLSign"
                                     : "critical,digitalSignature";
    addExtension(cert.get(), signer, NID_key_usage, keyUsage);
    if (spec.serverAuth) {
        addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    }
    addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (!spec.altNames.empty()) {
        addSubjectAltNames(cert.get(), spec.altNames);
    }
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) <= 0) {
        fail("cannot sign the certificate");
    }
    return cert;
}

std::string bioText(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

/// Writes `text` to `path` with permissions `mode`, even if the file existed with others.
void writeFile(const std::string& path, const std::string& text, mode_t mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        throw CertificateError("cannot write " + path + ": " + std::strerror(errno));
    }
    bool ok = ::fchmod(fd, mode) == 0;
    std::size_t written = 0;
    while (ok && written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        ok = n > 0;
        written += ok ? static_cast<std::size_t>(n) : 0;
    }
    const int error = errno;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        throw CertificateError("cannot write " + path + ": " + std::strerror(error));
    }
}

void writeKey(const std::string& path, EVP_PKEY* key) {
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        fail("cannot encode the private key");
    }
    writeFile(path, bioText(bio.get()), 0600);
}

void writeCertificate(const std::string& path, X509* cert) {
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) {
        fail("cannot encode the certificate");
    }
    writeFile(path, bioText(bio.get()), 0644);
}

std::string fingerprint(X509* cert) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (X509_digest(cert, EVP_sha256(), digest.data(), &size) != 1) {
        fail("cannot compute the certificate's fingerprint");
    }
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string text;
    for (unsigned int i = 0; i < size; ++i) {
        if (i > 0) {
            text += ':';
        }
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 0x0F];
    }
    return text;
}

}  // namespace

std::string makeSelfSigned(const std::string& certFile, const std::string& keyFile,
                           const std::vector<std::string>& hostsAndIps, int days) {
    if (hostsAndIps.empty()) {
        throw CertificateError("a certificate needs at least one host name or IP address");
    }
    PKey key = makeKey();
    Cert cert = makeCertificate(key.get(), {hostsAndIps.front(), hostsAndIps, true, true, days},
                                nullptr, key.get());
    writeKey(keyFile, key.get());
    writeCertificate(certFile, cert.get());
    return fingerprint(cert.get());
}

std::string certificateFingerprint(const std::string& certFile) {
    Bio bio(BIO_new_file(certFile.c_str(), "r"));
    if (!bio) {
        fail("cannot open the certificate file " + certFile);
    }
    Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        fail("no PEM certificate in " + certFile);
    }
    return fingerprint(cert.get());
}

TestPki makeTestPki(const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw CertificateError("cannot create " + dir + ": " + error.message());
    }
    const std::filesystem::path base(dir);
    TestPki pki{(base / "ca.pem").string(), (base / "server.pem").string(),
                (base / "server.key").string()};

    PKey caKey = makeKey();
    Cert caCert =
        makeCertificate(caKey.get(), {"Cadre Test CA", {}, true, false, 30}, nullptr, caKey.get());
    PKey serverKey = makeKey();
    Cert serverCert = makeCertificate(
        serverKey.get(), {"localhost", {"localhost", "127.0.0.1", "::1"}, false, true, 30},
        caCert.get(), caKey.get());

    writeKey((base / "ca.key").string(), caKey.get());
    writeCertificate(pki.caCert, caCert.get());
    writeKey(pki.serverKey, serverKey.get());
    writeCertificate(pki.serverCert, serverCert.get());
    return pki;
}

}  // namespace cadre::server
