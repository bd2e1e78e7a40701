// SelfSignedCertificate: TLS keys and X.509 certificates made with OpenSSL (first run, deploy,
// tests).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cadre::server {

/// Where a server's certificate chain and private key live (PEM files).
struct CertificatePaths {
    std::string certificateFile;
    std::string privateKeyFile;
};

/// Thrown when a key or certificate cannot be made, read or written.
class CertificateError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Makes an EC P-256 key and a self-signed X.509 v3 certificate valid for `days` days, with a
/// subjectAltName for each entry of `hostsAndIps` (DNS names and IPv4/IPv6 addresses, e.g.
/// "localhost", "127.0.0.1", "::1") and basicConstraints CA:TRUE, so the certificate itself can be
/// given to devices as their trusted CA file. Writes both as PEM (the key file with mode 0600,
/// replacing any existing files) and returns the certificate's SHA-256 fingerprint, "AB:CD:…".
/// Throws CertificateError.
std::string makeSelfSigned(const std::string& certFile, const std::string& keyFile,
                           const std::vector<std::string>& hostsAndIps, int days);

/// The SHA-256 fingerprint ("AB:CD:…", 32 bytes) of the first certificate in a PEM file.
/// Throws CertificateError.
[[nodiscard]] std::string certificateFingerprint(const std::string& certFile);

/// A small private PKI: a CA and a server certificate it signed.
struct TestPki {
    std::string caCert;      ///< <dir>/ca.pem — what clients trust
    std::string serverCert;  ///< <dir>/server.pem — for 127.0.0.1, ::1 and localhost
    std::string serverKey;   ///< <dir>/server.key (mode 0600)
};

/// Creates `dir` if needed and writes a CA (ca.pem, ca.key) and a server certificate and key it
/// signed (server.pem, server.key) for 127.0.0.1, ::1 and localhost, valid for 30 days.
/// Throws CertificateError.
[[nodiscard]] TestPki makeTestPki(const std::string& dir);

}  // namespace cadre::server
